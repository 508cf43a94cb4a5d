// Sends the feedback form without leaving the page and asks "Wat ontbrak er?" after a "Nee".
// Without this script the same forms post to the server, which answers with a thank-you page.
(function () {
  "use strict";
  var section = document.querySelector("[data-insight-feedback]");
  if (!section || !window.fetch) return;
  var answerForm = section.querySelector("[data-insight-answer]");
  var commentForm = section.querySelector("[data-insight-comment]");
  var status = section.querySelector("[data-insight-status]");
  var answer = null;

  answerForm.querySelectorAll("button[name=answer]").forEach(function (button) {
    button.addEventListener("click", function () { answer = button.value; });
  });

  function send(form, extra) {
    var data = new URLSearchParams(new FormData(form));
    Object.keys(extra || {}).forEach(function (key) { data.set(key, extra[key]); });
    return fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    });
  }

  answerForm.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!answer) return;
    send(answerForm, { answer: answer }).then(function (result) {
      status.textContent = result.body.message;
      if (!result.ok) return;
      answerForm.hidden = true;
      if (result.body.token) {
        commentForm.elements.token.value = result.body.token;
        commentForm.hidden = false;
        commentForm.elements.comment.focus();
      }
    }).catch(function () { status.textContent = section.getAttribute("data-error"); });
  });

  commentForm.addEventListener("submit", function (event) {
    event.preventDefault();
    send(commentForm).then(function (result) {
      status.textContent = result.body.message;
      if (result.ok) commentForm.hidden = true;
    }).catch(function () { status.textContent = section.getAttribute("data-error"); });
  });
})();
