// # Lesson 1: the derivative, by nudging
//
// What does a derivative say? If you nudge the input x by a tiny amount h, the output f(x) moves by about
// slope * h. So we can measure the slope without any calculus: (f(x + h) - f(x)) / h for a small h. The lecture
// uses f(x) = 3x^2 - 4x + 5, whose slope is 6x - 4 by the rules of calculus: 14 at x = 3, -22 at x = -3, and 0 at
// x = 2/3, the bottom of the parabola. This lesson measures those slopes and plots f.

import java.nio.file.*;
import java.util.function.DoubleUnaryOperator;
import micrograd.lessons.LessonFiles;
import micrograd.plot.FunctionPlot;

DoubleUnaryOperator f = x -> 3 * x * x - 4 * x + 5;
System.out.println("f(3.0) = " + f.applyAsDouble(3.0));

// The lecture's plot: f over [-5, 5) in steps of 0.25, as numpy's arange.
Path folder = LessonFiles.folder("01-derivative-by-nudging");
Path plot = FunctionPlot.save(folder.resolve("f.png"), "f(x) = 3x^2 - 4x + 5", f, -5, 5, 0.25);
System.out.println("wrote " + plot);
LessonFiles.show(plot);   // inline in a notebook; nothing in JShell

// Nudge x = 3 by h = 0.000001: f rises about 14 times as much as x.
double h = 0.000001;
double x = 3.0;
System.out.println("slope at x = 3.0: " + (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h);

// At x = -3 the function falls as x grows: the slope is negative.
x = -3.0;
System.out.println("slope at x = -3.0: " + (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h);

// At x = 2/3 a tiny nudge changes almost nothing: the slope is 0 (up to the error of a one-sided nudge, 3h).
x = 2.0 / 3.0;
System.out.println("slope at x = 2/3: " + (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h);

// Too small an h fails: f(x + h) and f(x) round to the same double and the slope comes out 0 or nonsense.
x = 3.0;
double tiny = 1e-15;
System.out.println("with h = 1e-15 the nudge is lost in rounding: " + (f.applyAsDouble(x + tiny) - f.applyAsDouble(x)) / tiny);
/exit
