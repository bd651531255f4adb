// Material's menu and search icons are <label>s for hidden checkboxes: a mouse can
// press them, a keyboard cannot reach them, and a label may not take the role of a
// button. Here each gets a real <button> beside it, which presses the label (so
// Material's own handlers still run) and says whether its panel is open; the label
// itself is then hidden. Escape closes the menu and puts focus back on its button,
// as Material already does for search.
// Without JavaScript the labels stay, and site.css makes the menu's own checkbox
// reachable instead.

for (const label of document.querySelectorAll("label[data-site-toggle]")) {
  const toggle = document.getElementById(label.htmlFor);
  if (!toggle) continue;
  const button = document.createElement("button");
  button.type = "button";
  button.className = `${label.className} site-header-button`;
  button.dataset.siteFor = label.htmlFor;
  for (const child of label.childNodes) button.append(child.cloneNode(true));
  label.before(button);
  label.classList.add("site-header-label");
  const showState = () => button.setAttribute("aria-expanded", String(toggle.checked));
  showState();
  toggle.addEventListener("change", showState);
  button.addEventListener("click", () => label.click());
  if (toggle.id === "__drawer") {
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !toggle.checked) return;
      label.click();
      button.focus();
    });
  }
}
