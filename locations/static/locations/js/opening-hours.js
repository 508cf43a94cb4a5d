/* Opening hours in the browser: keeps "Nu open tot 16:00" right on a page that came from a cache.
 *
 * The server renders the state when it builds the page, with "Stand op ... om 14:05", and puts the resolved hours of the
 * coming two weeks (closures, holidays, periods already applied) in the data-opening-hours attribute as JSON, together with
 * the Dutch sentences. This script recomputes the state for the current time in Europe/Brussels, whatever the visitor's
 * own time zone, replaces the sentence, hides the "Stand op" line and repeats that every minute. It mirrors
 * state_at() in locations/opening_hours.py; without JavaScript the server's sentence stays. No inline script: a strict
 * Content Security Policy allows this file.
 */
(function () {
  "use strict";

  var ZONE = "Europe/Brussels";
  var DAY = 1440; // minutes

  function brusselsNow() {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23"
    }).formatToParts(new Date()).forEach(function (part) {
      parts[part.type] = part.value;
    });
    return {
      date: parts.year + "-" + parts.month + "-" + parts.day,
      minutes: (parseInt(parts.hour, 10) % 24) * 60 + parseInt(parts.minute, 10)
    };
  }

  function toMinutes(hhmm) {
    var pieces = hhmm.split(":");
    return parseInt(pieces[0], 10) * 60 + parseInt(pieces[1], 10);
  }

  function clock(minutes) {
    var inDay = ((minutes % DAY) + DAY) % DAY;
    var m = inDay % 60;
    return Math.floor(inDay / 60) + ":" + (m < 10 ? "0" : "") + m;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : match;
    });
  }

  function parseDate(iso) {
    var p = iso.split("-");
    return new Date(Date.UTC(parseInt(p[0], 10), parseInt(p[1], 10) - 1, parseInt(p[2], 10)));
  }

  function addDays(iso, days) {
    var date = parseDate(iso);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  }

  function daysBetween(fromIso, toIso) {
    return Math.round((parseDate(toIso) - parseDate(fromIso)) / 86400000);
  }

  function dayPhrase(data, todayIso, iso) {
    var delta = daysBetween(todayIso, iso);
    var date = parseDate(iso);
    var weekday = data.weekdays[(date.getUTCDay() + 6) % 7];
    if (delta === 0) { return data.messages.today; }
    if (delta === 1) { return data.messages.tomorrow; }
    if (delta > 1 && delta < 7) { return weekday; }
    return fill(data.messages.date, { weekday: weekday, day: date.getUTCDate(), month: data.months[date.getUTCMonth()] });
  }

  function withAppointment(data, text, appointment) {
    return appointment ? fill(data.messages.appointment, { text: text }) : text;
  }

  // Openings as [start, end, appointment] in minutes from the first day's midnight, adjacent equal slots merged.
  function openings(data) {
    var result = [];
    data.days.forEach(function (day, index) {
      day.slots.forEach(function (slot) {
        var start = index * DAY + toMinutes(slot.start);
        var end = index * DAY + toMinutes(slot.end);
        var last = result[result.length - 1];
        if (last && last[2] === slot.appointment && start <= last[1]) {
          last[1] = Math.max(last[1], end);
        } else {
          result.push([start, end, slot.appointment]);
        }
      });
    });
    return result;
  }

  function compute(data, now) {
    if (data.empty) { return null; }
    var todayIndex = -1;
    data.days.forEach(function (day, index) {
      if (day.date === now.date) { todayIndex = index; }
    });
    if (todayIndex < 0) { return null; } // the page is older than its data: keep what the server said
    var first = data.days[0].date;
    var current = todayIndex * DAY + now.minutes;
    var next = null;
    var list = openings(data);
    for (var i = 0; i < list.length; i += 1) {
      var opening = list[i];
      if (opening[1] <= current) { continue; }
      if (opening[0] <= current) {
        var endDay = Math.floor(opening[1] / DAY);
        var text;
        if (endDay === todayIndex) {
          text = fill(data.messages.open_until, { time: clock(opening[1]) });
        } else if (opening[1] === (todayIndex + 1) * DAY) {
          text = data.messages.open_until_midnight;
        } else {
          text = fill(data.messages.open_until_day, {
            day: dayPhrase(data, now.date, addDays(first, endDay)),
            time: clock(opening[1])
          });
        }
        return { open: true, text: withAppointment(data, text, opening[2]), detail: "" };
      }
      next = { date: addDays(first, Math.floor(opening[0] / DAY)), minutes: opening[0], appointment: opening[2] };
      break;
    }
    if (!next && data.after) {
      next = { date: data.after.date, minutes: toMinutes(data.after.start), appointment: data.after.appointment };
    }
    var today = data.days[todayIndex];
    var when = next ? { day: dayPhrase(data, now.date, next.date), time: clock(next.minutes) } : null;
    if (today.kind === "closure" || today.kind === "holiday") {
      return {
        open: false,
        text: fill(data.messages.closed_today, { reason: today.reason }),
        detail: when ? withAppointment(data, fill(data.messages.opens_detail, when), next.appointment) : ""
      };
    }
    if (when) {
      return { open: false, text: withAppointment(data, fill(data.messages.closed_opens, when), next.appointment), detail: "" };
    }
    return { open: false, text: data.messages.closed, detail: "" };
  }

  function update() {
    var now = brusselsNow();
    document.querySelectorAll("[data-opening-hours]").forEach(function (element) {
      var data;
      try {
        data = JSON.parse(element.getAttribute("data-opening-hours"));
      } catch (error) {
        return;
      }
      var state = compute(data, now);
      if (!state) { return; }
      var text = element.querySelector("[data-opening-text]");
      var detail = element.querySelector("[data-opening-detail]");
      var stamp = element.querySelector("[data-opening-stamp]");
      if (text && text.textContent !== state.text) { text.textContent = state.text; }
      if (detail) {
        if (detail.textContent !== state.detail) { detail.textContent = state.detail; }
        detail.hidden = !state.detail;
      }
      if (stamp) { stamp.hidden = true; }
      element.classList.toggle("opening-state--open", state.open);
      element.classList.toggle("opening-state--closed", !state.open);
      element.setAttribute("data-opening-live", "");
    });
    document.querySelectorAll("[data-opening-week] tr[data-date]").forEach(function (row) {
      var isToday = row.getAttribute("data-date") === now.date;
      row.classList.toggle("is-today", isToday);
      var label = row.querySelector("[data-today-label]");
      if (label) { label.hidden = !isToday; }
    });
  }

  // Exposed for the browser tests, which feed it a fixed moment.
  window.hvdmOpeningHours = { compute: compute, update: update };

  if (window.Intl && Intl.DateTimeFormat) {
    update();
    window.setInterval(update, 60000);
  }
})();
