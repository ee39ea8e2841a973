import type { DetectionBecause } from "./types";

/**
 * The English words of a reason: the `reason` the detection contract promises, for logs, the
 * page check and any caller that shows no page of its own.
 */
export function reasonInEnglish(because: DetectionBecause): string {
  switch (because.code) {
    case "unreadable":
      return "Could not read this event";
    case "excluded":
      return `Excluded by your setting “${because.phrase}”`;
    case "about-plural":
      return "Title speaks of 1:1s";
    case "about-word":
      return `About 1:1s (${because.word})`;
    case "marker":
      return "Title says 1:1";
    case "keyword":
      return `Title matches your keyword “${because.phrase}”`;
    case "interview":
      return "Interview";
    case "sales":
      return "Sales or vendor call";
    case "group-title":
      return "Title names a group";
    case "name-pair":
      return "Title names two people";
    case "no-marker":
      return "Guests unknown and no 1:1 in the title";
    case "no-other-guests":
      return "No other guests";
    case "group-meeting":
      return `Group meeting (${because.guests} guests)`;
    case "group-address":
      return "The one guest is a group address";
    case "external-guest":
      return "External guest without a 1:1 marker";
    case "one-guest":
      return `${because.guest === "colleague" ? "One colleague" : "One guest"}, ${oneGuestHint(because)}`;
    case "unclear-self": {
      const marker =
        because.keyword === undefined ? "Title says 1:1" : `Title matches your keyword “${because.keyword}”`;
      return `${marker}; two guests, and the page doesn't show which one is you`;
    }
  }
}

function oneGuestHint(because: Extract<DetectionBecause, { code: "one-guest" }>): string {
  switch (because.hint) {
    case "group-title":
      return "but the title names a group";
    case "names":
      return "names in the title";
    case "regular":
      return because.words ?? "regular meeting";
    case "recurring":
      return "recurring";
    case "not-recurring":
      return "not recurring and no 1:1 in the title";
  }
}
