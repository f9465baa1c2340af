// The theme's search dialog has no accessible name; screen readers announce it unnamed.
document.querySelectorAll(".md-search[role=dialog]").forEach(function (dialog) {
  if (!dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", "Search");
  }
});
