// Material's menu and search icons are <label>s for hidden checkboxes: a mouse can
// press them, a keyboard cannot reach them. Here each becomes a button: Tab stops on
// it, Enter or Space presses it, and it says whether its panel is open. Escape closes
// the menu and puts focus back on its button, as it already does for search.
// Without JavaScript, site.css makes the menu's own checkbox reachable instead.

for (const button of document.querySelectorAll("label[data-site-toggle]")) {
  const toggle = document.getElementById(button.htmlFor);
  if (!toggle) continue;
  button.tabIndex = 0;
  button.setAttribute("role", "button");
  const showState = () => button.setAttribute("aria-expanded", String(toggle.checked));
  showState();
  toggle.addEventListener("change", showState);
  button.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    button.click();
  });
  if (toggle.id === "__drawer") {
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !toggle.checked) return;
      button.click();
      button.focus();
    });
  }
}
