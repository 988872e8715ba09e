/**
 * DEAP-style genetic algorithms on the study core (issue 5).
 * <p>
 * <b>Front-end.</b> {@link org.tunebook.evolution.Evolution} configures a run fluently and evaluates every
 * individual as a trial of a {@link org.tunebook.study.Study}: params are the decoded genes, user attributes
 * {@code generation} and {@code individual} say where the individual sits, and the run is therefore stored
 * (SQLite with {@code .storage("sqlite:ga.db").name("mlp")}), resumable after a crash or an interrupt (run the
 * same code again: the evolution is replayed from the stored trials and continues; more generations extend it),
 * and tabled or plotted like any other study. The seed's configuration:
 * <pre>{@code
 * import static org.tunebook.evolution.Operators.*;
 * var run = Evolution.bounded(BOUNDS_LOW, BOUNDS_HIGH).population(7)
 *         .select(tournament(2)).mate(sbxBounded(10.0), 0.8).mutate(polynomialBounded(10.0, 1.0 / 6), 0.2)
 *         .hallOfFame(2).elitism().statistics("max", "avg").seed(42)
 *         .maximize(test::getAccuracy, 3);      // getAccuracy(List<Double> params), decoded with Decode.*
 * run.logbook();                                // gen nevals max avg, as DEAP prints it
 * run.hallOfFame().get(0);  run.study().trialsTable();
 * }</pre>
 * Genes can also come from a {@link org.tunebook.space.Space} ({@code Evolution.of(space)}: log-reals as log10
 * genes, integers and categories as index genes), and the same evolution runs inside any study or the CLI as
 * the {@code "ga"} sampler ({@link org.tunebook.evolution.GaSampler}, {@code Samplers.byName("ga", ...)}).
 * <p>
 * <b>Toolbox.</b> {@link org.tunebook.evolution.Operators} holds DEAP's selTournament, selBest, selRoulette,
 * selNSGA2, cxSimulatedBinaryBounded, cxBlend, cxUniform, cxTwoPoint, mutPolynomialBounded, mutGaussian and
 * mutUniformInt with DEAP's formulas and order of random draws; {@link org.tunebook.evolution.Algorithms}
 * runs eaSimple, eaSimpleWithElitism and eaMuPlusLambda directly on a function, without a study;
 * {@link org.tunebook.evolution.HallOfFame}, {@link org.tunebook.evolution.Statistics} and
 * {@link org.tunebook.evolution.Logbook} are DEAP's records (the logbook also as a Tablesaw table).
 * <p>
 * <b>Reproducibility.</b> The default random stream ({@link org.tunebook.evolution.Rng#python}) is CPython's
 * Mersenne Twister, so a seeded run draws the same numbers in the same order as DEAP after
 * {@code random.seed(seed)}: with the same settings and fitness, the logbook, the hall of fame and every
 * evaluated individual are identical to DEAP's (checked in the tests and in {@code bench/results/ga.md}).
 * Like DEAP, an individual is re-evaluated when an operator was applied to it (the {@code nevals} column);
 * unchanged copies keep their fitness. A failed evaluation (exception, NaN) fails its trial and gives the
 * individual the worst fitness; an interrupted one is evaluated again when the run resumes.
 */
package org.tunebook.evolution;
