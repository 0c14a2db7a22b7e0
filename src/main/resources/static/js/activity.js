// Activity form: the organization picker. A suggestion (htmx) adds the organization as a hidden input; a chosen
// organization can be removed again. Enter in the search box searches instead of saving the form.
document.addEventListener('click', function (event) {
  var pick = event.target.closest('.pick-organization');
  if (pick) {
    event.preventDefault();
    var chosen = document.getElementById('chosen-organizations');
    var id = pick.getAttribute('data-id');
    var taken = Array.prototype.some.call(chosen.querySelectorAll('input[name="organizationIds"]'),
      function (input) { return input.value === id; });
    if (!taken) {
      var item = document.getElementById('chosen-organization-template').content.firstElementChild.cloneNode(true);
      item.querySelector('input').value = id;
      item.querySelector('.organization-name').textContent = pick.getAttribute('data-name');
      chosen.appendChild(item);
    }
    document.getElementById('organization-results').innerHTML = '';
    document.getElementById('organization-search').value = '';
    return;
  }
  var remove = event.target.closest('.remove-organization');
  if (remove) {
    remove.closest('.chosen-organization').remove();
  }
});

document.addEventListener('keydown', function (event) {
  if (event.key === 'Enter' && event.target.id === 'organization-search') {
    event.preventDefault();
  }
});
