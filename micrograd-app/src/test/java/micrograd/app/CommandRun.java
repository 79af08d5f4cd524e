package micrograd.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the micrograd command: its exit status, stdout and stderr. */
record CommandRun(int status, String out, String err) {

    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandRun(status, out.toString(), err.toString());
    }
}
