// Shows the server URL only for the services that use one (Katalon TestOps on-premise).
Behaviour.specify(".api-key-server-url", "api-key-server-url", 1000, function (block) {
  var form = block.closest("form");
  var service = form && form.querySelector("select[name='_.service']");
  if (!service) {
    return;
  }
  var wanted = (block.dataset.services || "").split(" ");
  var input = block.querySelector("input[name='_.serverUrl']");
  function update() {
    var used = wanted.indexOf(service.value) >= 0;
    block.hidden = !used && !(input && input.value);
  }
  service.addEventListener("change", update);
  update();
});
