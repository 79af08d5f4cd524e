// A speed control for anything that steps (training, the demo, a stepper): a range input from 1 step per second to
// as fast as the page goes. speedControl(input) gives how many steps are due at each animation frame.
"use strict";

/** The speeds the control offers, in steps per second; the last, Infinity, is as fast as it goes. */
const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, Infinity];

function speedName(perSecond) {
  return perSecond === Infinity ? "as fast as it goes" : perSecond + " step" + (perSecond === 1 ? "" : "s") + "/s";
}

/**
 * Turns a range input into a speed control starting at `initial` steps per second. The returned control's due(now)
 * says how many steps to run in this frame (Infinity: as many as the frame's time allows); restart() starts the count
 * anew (on play), so that the first step comes at once.
 */
function speedControl(input, initial = Infinity) {
  input.min = "0";
  input.max = String(SPEEDS.length - 1);
  input.step = "1";
  input.value = String(SPEEDS.indexOf(initial) >= 0 ? SPEEDS.indexOf(initial) : SPEEDS.length - 1);
  const control = {
    credit: 1,
    last: null,
    get perSecond() {
      return SPEEDS[Number(input.value)];
    },
    restart() {
      this.credit = 1;
      this.last = null;
    },
    due(now) {
      const rate = this.perSecond;
      if (rate === Infinity) {
        return Infinity;
      }
      if (this.last !== null) {
        // at most a quarter second's worth is saved up, so that a hidden tab does not burst on its return
        this.credit = Math.min(this.credit + (now - this.last) * rate / 1000, Math.max(1, rate / 4));
      }
      this.last = now;
      const steps = Math.floor(this.credit);
      this.credit -= steps;
      return steps;
    },
  };
  const label = () => {
    input.setAttribute("aria-valuetext", speedName(control.perSecond));
    input.title = speedName(control.perSecond);
  };
  input.addEventListener("input", label);
  label();
  return control;
}
