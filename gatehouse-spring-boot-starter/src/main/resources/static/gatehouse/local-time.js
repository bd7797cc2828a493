// Shows every <time datetime> of the page in the reader's time zone, formatted for the page's
// language, with the zone named; the exact instant stays in the title. Without this script
// (or without Intl) the server's UTC text remains.
(function () {
  'use strict';

  function localise() {
    var format;
    try {
      format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
        year: 'numeric', month: 'short', day: 'numeric',
        hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
      });
    } catch (e) {
      return;
    }
    var times = document.querySelectorAll('time[datetime]');
    for (var i = 0; i < times.length; i++) {
      var iso = times[i].getAttribute('datetime');
      var at = new Date(iso);
      if (!isNaN(at.getTime())) {
        times[i].title = iso;
        times[i].textContent = format.format(at);
      }
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', localise);
  } else {
    localise();
  }
})();
