// The article field suggests the articles of the instrument chosen on its
// side: when the instrument changes, the field's <datalist> follows.
// Without JavaScript the suggestions are those of the instrument shown first.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    const select = event.target;
    if (!select.matches || !select.matches(".pair-form select[name=left], .pair-form select[name=right]")) return;
    const field = select.form.querySelector("input[name=" + select.name + "_ref]");
    if (field) field.setAttribute("list", "articles-" + select.value);
  });
})();
