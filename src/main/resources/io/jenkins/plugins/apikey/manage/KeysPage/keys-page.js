// The search form is a GET form: keep the crumb that Jenkins adds to every form out of its URL.
Behaviour.specify("form.api-keys-search", "api-keys-search", 1000, function (form) {
  form.addEventListener("submit", function () {
    form.querySelectorAll("input[type=hidden]").forEach(function (hidden) {
      hidden.remove();
    });
  });
});
