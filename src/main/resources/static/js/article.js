// The article editor: a small rich-text editor over the body field, and the count of chosen images for the live
// check. Without script the plain body field is used as it is.
(function () {
  function init() {
    var form = document.getElementById('article-form');
    var editor = document.getElementById('body-editor');
    var field = document.getElementById('bodyHtml');
    var toolbar = document.getElementById('body-toolbar');
    if (!form || !editor || !field) {
      return;
    }
    document.execCommand('defaultParagraphSeparator', false, 'p');
    editor.hidden = false;
    if (toolbar) {
      toolbar.hidden = false;
    }
    field.hidden = true;

    function sync() {
      field.value = editor.innerHTML;
    }

    editor.addEventListener('input', sync);
    editor.addEventListener('blur', sync);
    form.addEventListener('submit', sync);
    document.querySelectorAll('#body-toolbar [data-command]').forEach(function (button) {
      button.addEventListener('mousedown', function (event) {
        event.preventDefault();
      });
      button.addEventListener('click', function () {
        editor.focus();
        document.execCommand(button.dataset.command, false, button.dataset.value || null);
        sync();
        editor.dispatchEvent(new Event('input', { bubbles: true }));
      });
    });

    var files = document.getElementById('images');
    var count = document.getElementById('newImages');
    if (files && count) {
      files.addEventListener('change', function () {
        count.value = files.files ? files.files.length : 0;
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
