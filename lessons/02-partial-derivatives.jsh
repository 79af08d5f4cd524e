// # Lesson 2: partial derivatives, by nudging one input at a time
//
// With several inputs, each has its own derivative: nudge one input, hold the others still, and see how the output
// moves. For d = a*b + c the answers are easy to predict: dd/da = b, dd/db = a, dd/dc = 1. The lecture checks them
// by nudging, with h = 0.0001, at a = 2, b = -3, c = 10.

double h = 0.0001;
double a = 2.0, b = -3.0, c = 10.0;
double d1 = a * b + c;
System.out.println("d = " + d1);

// Nudge a: d falls by about 3 per unit of a, because b = -3.
double d2 = (a + h) * b + c;
System.out.println("d1 = " + d1 + ", d2 = " + d2 + ", slope dd/da = " + (d2 - d1) / h);

// Nudge b: d rises by about 2 per unit of b, because a = 2.
d2 = a * (b + h) + c;
System.out.println("d1 = " + d1 + ", d2 = " + d2 + ", slope dd/db = " + (d2 - d1) / h);

// Nudge c: d rises one for one. The tiny error in the last digits is floating point, not calculus.
d2 = a * b + (c + h);
System.out.println("d1 = " + d1 + ", d2 = " + d2 + ", slope dd/dc = " + (d2 - d1) / h);
/exit
