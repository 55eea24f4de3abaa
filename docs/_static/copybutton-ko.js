// sphinx-copybutton ships no Korean messages.  copybutton.js declares the globals
// `messages`, `locale`, `iconCheck` and `iconCopy` (whose <title>s it fills in at load
// time) before this file runs, so the Korean entry is added here, the locale chosen again
// and the two titles redone; the buttons themselves are made later, on DOMContentLoaded.
if (typeof messages !== "undefined" && document.documentElement.lang === "ko") {
  messages.ko = {
    copy: "복사",
    copy_to_clipboard: "클립보드에 복사",
    copy_success: "복사했습니다!",
    copy_failure: "복사하지 못했습니다",
  };
  iconCheck = iconCheck.replace(messages.en.copy_success, messages.ko.copy_success);
  iconCopy = iconCopy.replace(messages.en.copy_to_clipboard, messages.ko.copy_to_clipboard);
  locale = "ko";
}
