// Shows why the last sign-in failed (the server redirects to /?signin=failed or /?signin=link).
(function () {
  var reason = new URLSearchParams(location.search).get("signin");
  var box = document.getElementById("signin-error");
  if (reason === "failed") box.textContent = "Wrong access token. Try again.";
  else if (reason === "link") box.textContent = "That sign-in link was already used or has expired. Sign in with the token, or run easymaker-local console again.";
  else return;
  box.hidden = false;
})();
