package micrograd.draw;

/** Graphviz's dot program could not be started; the message says how to install it. */
public final class GraphvizNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    GraphvizNotFoundException(String executable) {
        super("Graphviz's '" + executable + "' program was not found; install Graphviz (Debian/Ubuntu: "
                + "sudo apt-get install graphviz; macOS: brew install graphviz) or point MICROGRAD_DOT at dot");
    }
}
