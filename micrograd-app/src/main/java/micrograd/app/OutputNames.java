package micrograd.app;

import micrograd.data.Numbers;

/**
 * Names the user gives for files inside the output folder ({@code --name}): a file name, never a path, so that
 * every output stays inside {@code --out}.
 */
final class OutputNames {

    private OutputNames() {
    }

    /**
     * Refuses a {@code name} given with {@code option} that is not a plain file name.
     *
     * @throws UsageException quoting the name and saying what a name may be
     */
    static void checkFileName(String option, String name) {
        boolean plain = !name.isBlank() && !name.equals(".") && !name.equals("..") && name.length() <= 200
                && name.chars().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c));
        if (!plain) {
            throw new UsageException(option + " must be a file name (no / or \\, not . or .., at most 200 "
                    + "characters), not a path; got '" + Numbers.printable(name) + "'; choose the folder with --out");
        }
    }
}
