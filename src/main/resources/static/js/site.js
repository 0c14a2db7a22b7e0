// Site pages: more staff rows on the site form; the print button of the placard.
document.addEventListener('DOMContentLoaded', function () {
  var add = document.getElementById('add-staff');
  if (add) {
    add.addEventListener('click', function () {
      var body = document.querySelector('#staff-rows tbody');
      var rows = body.querySelectorAll('tr.staff-row');
      var last = rows[rows.length - 1];
      var copy = last.cloneNode(true);
      var index = rows.length;
      copy.querySelectorAll('input').forEach(function (input) {
        input.name = input.name.replace(/staff\[\d+\]/, 'staff[' + index + ']');
        if (input.type === 'checkbox') {
          input.checked = false;
        } else {
          input.value = '';
        }
      });
      body.appendChild(copy);
    });
  }
  var print = document.getElementById('print-placard');
  if (print) {
    print.addEventListener('click', function () {
      window.print();
    });
  }
});
