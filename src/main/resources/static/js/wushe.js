// Every htmx request carries the CSRF token from the page's meta tags.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Refusals (422/413/400 answers) replace the htmx target in place, e.g. an import form's result area, instead of
// being dropped.
document.addEventListener('htmx:beforeSwap', function (event) {
  var status = event.detail.xhr.status;
  if (status === 422 || status === 413 || status === 400) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// The sidebar folds away on wide screens too, and stays as the user left it.
document.addEventListener('DOMContentLoaded', function () {
  var toggle = document.getElementById('sidebar-toggle');
  if (!toggle) {
    return;
  }
  function apply(collapsed) {
    document.body.classList.toggle('sidebar-collapsed', collapsed);
    toggle.setAttribute('aria-expanded', collapsed ? 'false' : 'true');
  }
  apply(localStorage.getItem('wushe-sidebar') === 'collapsed');
  toggle.addEventListener('click', function () {
    var collapsed = !document.body.classList.contains('sidebar-collapsed');
    localStorage.setItem('wushe-sidebar', collapsed ? 'collapsed' : 'open');
    apply(collapsed);
  });
});

// Region fields (inputs marked data-region-picker): type a name to choose among the regions in the user's scope, or
// browse the tree level by level; the field keeps sending the code, and the chosen region's name shows beneath it.
document.addEventListener('DOMContentLoaded', function () {
  var texts = document.getElementById('region-picker-texts');
  if (!texts) {
    return;
  }
  var api = texts.dataset.api;
  function get(url) {
    return fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); });
  }
  document.querySelectorAll('input[data-region-picker]').forEach(function (input) {
    var box = document.createElement('div');
    box.className = 'region-picker';
    input.parentNode.insertBefore(box, input);
    box.appendChild(input);
    var browse = document.createElement('button');
    browse.type = 'button';
    browse.className = 'btn btn-link btn-sm px-0 region-picker-browse';
    browse.textContent = texts.dataset.browse;
    var name = document.createElement('div');
    name.className = 'form-text region-picker-name';
    name.id = input.id + '-region-name';
    var list = document.createElement('ul');
    list.className = 'list-group region-picker-list shadow-sm';
    list.id = input.id + '-region-choices';
    list.hidden = true;
    box.appendChild(list);
    box.appendChild(name);
    box.appendChild(browse);
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('aria-describedby', name.id);
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('placeholder', texts.dataset.placeholder);

    function showName(code) {
      if (!/^\d{2,12}$/.test(code)) { name.textContent = ''; return; }
      get(api + '/' + code).then(function (r) {
        name.textContent = r.path.map(function (p) { return p.name; }).join(' / ') + ' (' + r.code + ')';
      }).catch(function () { name.textContent = ''; });
    }
    function choose(r) {
      input.value = r.code;
      list.hidden = true;
      showName(r.code);
      input.focus();
    }
    function show(rows, drill) {
      list.innerHTML = '';
      if (rows.length === 0) {
        var none = document.createElement('li');
        none.className = 'list-group-item small text-body-secondary';
        none.textContent = texts.dataset.empty;
        list.appendChild(none);
      }
      rows.forEach(function (r) {
        var li = document.createElement('li');
        li.className = 'list-group-item d-flex align-items-center gap-2 py-1';
        var pick = document.createElement('button');
        pick.type = 'button';
        pick.className = 'btn btn-link btn-sm text-start flex-grow-1 p-0';
        pick.textContent = r.name;
        var code = document.createElement('small');
        code.className = 'text-body-secondary ms-1';
        code.textContent = r.code;
        pick.appendChild(code);
        pick.addEventListener('click', function () { choose(r); });
        li.appendChild(pick);
        if (drill && r.childCount > 0) {
          var down = document.createElement('button');
          down.type = 'button';
          down.className = 'btn btn-outline-secondary btn-sm py-0';
          down.textContent = '\u203A';
          down.setAttribute('aria-label', texts.dataset.below + ' ' + r.name);
          down.addEventListener('click', function () { get(api + '/' + r.code + '/children').then(function (c) { show(c, true); }); });
          li.appendChild(down);
        }
        list.appendChild(li);
      });
      list.hidden = false;
    }
    var timer;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q === '' || /^\d+$/.test(q)) { list.hidden = true; showName(q); return; }
      timer = setTimeout(function () {
        get(api + '?limit=12&q=' + encodeURIComponent(q)).then(function (rows) { show(rows, false); });
      }, 250);
    });
    // keyboard: Down from the field into the choices, Up and Down among them (Up from the first back to the field),
    // Escape closes the list and returns to the field
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { list.hidden = true; }
      if (e.key === 'ArrowDown' && !list.hidden) {
        var first = list.querySelector('button');
        if (first) { e.preventDefault(); first.focus(); }
      }
    });
    list.addEventListener('keydown', function (e) {
      var buttons = Array.prototype.slice.call(list.querySelectorAll('button'));
      var i = buttons.indexOf(document.activeElement);
      if (e.key === 'ArrowDown' && i >= 0 && i < buttons.length - 1) { e.preventDefault(); buttons[i + 1].focus(); }
      else if (e.key === 'ArrowUp' && i >= 0) { e.preventDefault(); (i > 0 ? buttons[i - 1] : input).focus(); }
      else if (e.key === 'Escape') { e.preventDefault(); list.hidden = true; input.focus(); }
    });
    browse.addEventListener('click', function () {
      var root = texts.dataset.root;
      get(api + '/' + root).then(function (r) {
        return get(api + '/' + root + '/children').then(function (c) {
          show([{ code: r.code, name: r.name, childCount: 0 }].concat(c), true);
        });
      });
    });
    showName(input.value.trim());
  });
});

// A table box that scrolls sideways can be reached and scrolled with the keyboard.
function wusheFocusableScrollBoxes(root) {
  root.querySelectorAll('.table-responsive').forEach(function (box) {
    if (box.scrollWidth > box.clientWidth) {
      box.setAttribute('tabindex', '0');
    }
  });
}
document.addEventListener('DOMContentLoaded', function () { wusheFocusableScrollBoxes(document); });
document.addEventListener('htmx:afterSwap', function () { wusheFocusableScrollBoxes(document); });

// List tables become cards on a phone (see wushe.css): every cell is labelled with its column's header. Only tables
// in a .table-responsive box with a single header row and no merged cells; the others keep scrolling in their box.
function wusheTableCards(root) {
  root.querySelectorAll('.table-responsive > table').forEach(function (table) {
    if (table.dataset.cards === 'off' || !table.tHead || table.tHead.rows.length !== 1) {
      return;
    }
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) {
      return th.colSpan > 1 ? null : th.textContent.replace(/\s+/g, ' ').trim();
    });
    if (headers.indexOf(null) >= 0) {
      return;
    }
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        if (row.cells.length !== headers.length) {
          return;
        }
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          cell.setAttribute('data-label', headers[i]);
        });
      });
    });
    table.classList.add('table-cards');
  });
}
document.addEventListener('DOMContentLoaded', function () { wusheTableCards(document); });
document.addEventListener('htmx:afterSwap', function () { wusheTableCards(document); });
