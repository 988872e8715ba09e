package org.tunebook.kernel.magic;

import org.tunebook.kernel.KernelBridge;

/**
 * Registers Tunebook's magics in a kernel. A magic's usage mistake prints its message on the cell's
 * standard error (never a stack trace) and the magic gives no value.
 */
public final class TunebookMagics {
    private TunebookMagics() {
    }

    public static void register(KernelBridge kernel) {
        SearchMagic search = new SearchMagic(kernel);
        TrialsMagic trials = new TrialsMagic();
        PlotMagic plot = new PlotMagic();
        StudyMagic study = new StudyMagic();
        kernel.registerCellMagic("search", (args, body) -> friendly(() -> search.run(args, body)));
        kernel.registerLineMagic("search", args -> friendly(() -> {
            throw new MagicUsageException("%search is a cell magic: write %%search SAMPLER --param ... on the first line"
                    + " of the cell and the objective below it (see %%search --help)");
        }));
        kernel.registerLineMagic("trials", args -> friendly(() -> trials.run(args)));
        kernel.registerLineMagic("plot", args -> friendly(() -> plot.run(args)));
        kernel.registerLineMagic("study", args -> friendly(() -> study.run(args)));
    }

    @FunctionalInterface
    interface Body {
        Object run() throws Exception;
    }

    static Object friendly(Body body) throws Exception {
        try {
            return body.run();
        } catch (MagicUsageException e) {
            System.err.println(e.getMessage());
            return null;
        }
    }
}
