/*
 * Autocomplete for the site's search boxes, following the ARIA 1.2 combobox pattern (list autocomplete, no automatic
 * selection). Without JavaScript the search form works as it is; this only adds suggestions from /zoeken/suggesties/.
 * Keys: Down/Up move through the suggestions, Enter opens the chosen one, Escape closes the list (or clears the box when
 * it is closed), Tab leaves. The number of suggestions is announced in a polite live region.
 */
(function () {
  "use strict";

  var ENDPOINT = "/zoeken/suggesties/";
  var DELAY = 150;
  var counter = 0;

  function enhance(input) {
    var form = input.form;
    counter += 1;
    var listId = "zoek-suggesties-" + counter;
    var wrapper = document.createElement("div");
    wrapper.className = "combobox";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "combobox__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggesties");
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var items = [];
    var active = -1;
    var timer = null;
    var lastQuery = "";
    var request = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function setActive(index) {
      var options = list.querySelectorAll("[role=option]");
      for (var i = 0; i < options.length; i += 1) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(index) {
      if (items[index]) {
        window.location.href = items[index].url;
      }
    }

    function render(suggestions) {
      items = suggestions;
      list.textContent = "";
      suggestions.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.className = "combobox__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = item.label;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the box
        });
        option.addEventListener("click", function () {
          go(index);
        });
        list.appendChild(option);
      });
      active = -1;
      if (suggestions.length) {
        status.textContent = suggestions.length === 1 ? "1 suggestie. Gebruik de pijltjestoetsen." : suggestions.length + " suggesties. Gebruik de pijltjestoetsen.";
        open();
      } else {
        status.textContent = "";
        close();
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) {
        return;
      }
      lastQuery = query;
      if (query.length < 2) {
        render([]);
        return;
      }
      request += 1;
      var mine = request;
      fetch(ENDPOINT + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (mine === request) {
            render(data.suggestions || []);
          }
        })
        .catch(function () {
          render([]);
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (list.hidden) {
          open();
          if (!list.hidden) {
            setActive(0);
          }
        } else {
          setActive(active + 1 < items.length ? active + 1 : 0);
        }
      } else if (event.key === "ArrowUp") {
        if (!list.hidden) {
          event.preventDefault();
          setActive(active > 0 ? active - 1 : items.length - 1);
        }
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          go(active);
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          lastQuery = "";
        }
      } else if (event.key === "Tab") {
        close();
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });

    if (form) {
      form.addEventListener("submit", close);
    }
  }

  function init() {
    var inputs = document.querySelectorAll("form[role=search] input[name=q]");
    for (var i = 0; i < inputs.length; i += 1) {
      if (window.fetch) {
        enhance(inputs[i]);
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
