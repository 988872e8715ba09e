package org.tunebook.evolution;

import java.util.List;
import java.util.Map;
import org.tunebook.study.Study;
import tech.tablesaw.api.Table;

/** The outcome of {@link Evolution#maximize}: the study with every evaluation, the logbook and the hall of fame. */
public final class EvolutionRun {
    private final Study study;
    private final Engine engine;

    EvolutionRun(Study study, Engine engine) {
        this.study = study;
        this.engine = engine;
    }

    /** The study: one trial per evaluation (params = decoded genes, user attrs generation and individual). */
    public Study study() {
        return study;
    }

    /** gen, nevals and the statistics per generation. */
    public Logbook logbook() {
        return engine.logbook();
    }

    public HallOfFame hallOfFame() {
        return engine.hallOfFame();
    }

    /** The final population. */
    public List<Individual> population() {
        return engine.population();
    }

    /** Whether every generation ran (false after an interrupt or a failure: run again with the same storage and name to resume). */
    public boolean isComplete() {
        return engine.isDone();
    }

    /** The best individual: the first of the hall of fame (or of the final population without one). */
    public Individual best() {
        if (engine.hallOfFame().size() > 0) return engine.hallOfFame().get(0);
        return Operators.selBest(engine.population(), 1).get(0);
    }

    /** The decoded parameters of the best individual. */
    public Map<String, Object> bestParams() {
        return engine.genome().decode(best().genes);
    }

    /** The genes of the best individual, as the fitness saw them. */
    public Genes bestGenes() {
        return new Genes(engine.genome(), best().genes);
    }

    public Table logbookTable() {
        return logbook().toTable();
    }

    @Override
    public String toString() {
        return logbook().toString();
    }
}
