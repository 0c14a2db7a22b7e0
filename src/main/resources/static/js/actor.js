// Registry pages: show refusals (422/413 answers) in place of the htmx target instead of dropping them.
document.addEventListener('htmx:beforeSwap', function (event) {
  var status = event.detail.xhr.status;
  if (status === 422 || status === 413 || status === 400) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
