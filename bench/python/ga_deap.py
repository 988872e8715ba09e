"""The GA benchmark of issue 5, DEAP's side (DEAP from PyPI, version pinned in python/requirements.txt).

The seed's GA settings on each benchmark function (minimized), population 7 x 3 generations and 20 x 20,
seeds 1..N. The genes are encoded as Tunebook's Genome.of(space) does: reals as themselves, log-reals as
log10, integers and categories as an index gene in [-0.5, n - 0.5] rounded half to even, so that both sides
search the same box. eaSimpleWithElitism is the seed's helper (from "Hands-On Genetic Algorithms with
Python"), not part of DEAP: written here from its description.

Usage: python ga_deap.py SEEDS OUT.tsv
"""
import math
import random
import sys
import time

import numpy
from deap import base, creator, tools, algorithms

import functions

CONFIGS = [("seed-7x3", 7, 3), ("20x20", 20, 20)]


def ea_simple_with_elitism(population, toolbox, cxpb, mutpb, ngen, stats, halloffame):
    logbook = tools.Logbook()
    logbook.header = ["gen", "nevals"] + stats.fields
    invalid = [ind for ind in population if not ind.fitness.valid]
    for ind, fit in zip(invalid, toolbox.map(toolbox.evaluate, invalid)):
        ind.fitness.values = fit
    halloffame.update(population)
    hof_size = len(halloffame.items)
    logbook.record(gen=0, nevals=len(invalid), **stats.compile(population))
    for gen in range(1, ngen + 1):
        offspring = toolbox.select(population, len(population) - hof_size)
        offspring = algorithms.varAnd(offspring, toolbox, cxpb, mutpb)
        invalid = [ind for ind in offspring if not ind.fitness.valid]
        for ind, fit in zip(invalid, toolbox.map(toolbox.evaluate, invalid)):
            ind.fitness.values = fit
        offspring.extend(halloffame.items)
        halloffame.update(offspring)
        population[:] = offspring
        logbook.record(gen=gen, nevals=len(invalid), **stats.compile(population))
    return population, logbook


def genes_of(space):
    """(low, high, decode) per dimension, as Tunebook's Gene.of."""
    genes = []
    for d in space:
        if d["kind"] == "real" and d["log"]:
            lo, hi = d["low"], d["high"]
            genes.append((math.log10(lo), math.log10(hi), lambda g, lo=lo, hi=hi: min(hi, max(lo, 10 ** g))))
        elif d["kind"] == "real":
            lo, hi = d["low"], d["high"]
            genes.append((lo, hi, lambda g, lo=lo, hi=hi: min(hi, max(lo, g))))
        elif d["kind"] == "int":
            lo, n = d["low"], d["high"] - d["low"] + 1
            genes.append((-0.5, n - 0.5, lambda g, lo=lo, n=n: lo + min(n - 1, max(0, round(min(n - 0.5, max(-0.5, g)))))))
        else:
            ch = d["choices"]
            n = len(ch)
            genes.append((-0.5, n - 0.5, lambda g, ch=ch, n=n: ch[min(n - 1, max(0, round(min(n - 0.5, max(-0.5, g)))))]))
    return genes


creator.create("FitnessMin", base.Fitness, weights=(-1.0,))
creator.create("Individual", list, fitness=creator.FitnessMin)


def function_cost(fn):
    """CPU ns per call of a function on uniform random points of its space."""
    rnd = random.Random(1)
    points = []
    for _ in range(1000):
        p = {}
        for d in fn["space"]:
            if d["kind"] == "real" and d["log"]:
                p[d["name"]] = 10 ** rnd.uniform(math.log10(d["low"]), math.log10(d["high"]))
            elif d["kind"] == "real":
                p[d["name"]] = rnd.uniform(d["low"], d["high"])
            elif d["kind"] == "int":
                p[d["name"]] = rnd.randint(d["low"], d["high"])
            else:
                p[d["name"]] = rnd.choice(d["choices"])
        points.append(p)
    f = fn["f"]
    n = 100000
    t0 = time.process_time_ns()
    for i in range(n):
        f(points[i % 1000])
    return (time.process_time_ns() - t0) / n


def run(fn, population, generations, seed):
    t0 = time.perf_counter_ns()
    c0 = time.process_time_ns()
    genes = genes_of(fn["space"])
    names = [d["name"] for d in fn["space"]]
    low = [g[0] for g in genes]
    high = [g[1] for g in genes]
    in_fitness = [0]
    evals = [0]

    def evaluate(ind):
        params = {n: g[2](x) for n, g, x in zip(names, genes, ind)}
        a = time.perf_counter_ns()
        v = fn["f"](params)
        in_fitness[0] += time.perf_counter_ns() - a
        evals[0] += 1
        return (v,)

    random.seed(seed)
    tb = base.Toolbox()
    for i, (lo, hi, _) in enumerate(genes):
        tb.register("attr_%d" % i, random.uniform, lo, hi)
    tb.register("individual", tools.initCycle, creator.Individual,
                tuple(getattr(tb, "attr_%d" % i) for i in range(len(genes))), n=1)
    tb.register("population", tools.initRepeat, list, tb.individual)
    tb.register("evaluate", evaluate)
    tb.register("select", tools.selTournament, tournsize=2)
    tb.register("mate", tools.cxSimulatedBinaryBounded, low=low, up=high, eta=10.0)
    tb.register("mutate", tools.mutPolynomialBounded, low=low, up=high, eta=10.0, indpb=1.0 / len(genes))
    stats = tools.Statistics(lambda ind: ind.fitness.values)
    stats.register("min", numpy.min)
    stats.register("avg", numpy.mean)
    hof = tools.HallOfFame(2)
    pop = tb.population(n=population)
    ea_simple_with_elitism(pop, tb, 0.8, 0.2, generations, stats, hof)
    total = time.perf_counter_ns() - t0
    cpu = time.process_time_ns() - c0
    return hof.items[0].fitness.values[0], evals[0], total, cpu, in_fitness[0]


def main():
    seeds, out = int(sys.argv[1]), sys.argv[2]
    with open(out, "w") as w:
        w.write("impl\tmode\tconfig\tfunction\tseed\tbest\tevals\ttotal_ns\tcpu_ns\tfitness_ns\n")
        for name in functions.FUNCTIONS:
            w.write("deap\tfcost\t-\t%s\t0\t0\t0\t0\t%.1f\t0\n" % (name, function_cost(functions.get(name))))
        for cname, pop, gens in CONFIGS:
            for name in functions.FUNCTIONS:
                fn = functions.get(name)
                for seed in range(1, seeds + 1):
                    best, evals, total, cpu, fit = run(fn, pop, gens, seed)
                    w.write("deap\tdeap\t%s\t%s\t%d\t%.17g\t%d\t%d\t%d\t%d\n" % (cname, name, seed, best, evals, total, cpu, fit))
        # overhead: two more passes over all seeds, as Tunebook's batches (the report keeps the lower pass)
        for _ in range(2):
            for cname, pop, gens in CONFIGS:
                for name in functions.FUNCTIONS:
                    fn = functions.get(name)
                    evals_sum = cpu_sum = 0
                    for seed in range(1, seeds + 1):
                        _, evals, _, cpu, _ = run(fn, pop, gens, seed)
                        evals_sum += evals
                        cpu_sum += cpu
                    w.write("deap\tdeap-batch\t%s\t%s\t1\t0\t%d\t0\t%d\t0\n" % (cname, name, evals_sum, cpu_sum))


if __name__ == "__main__":
    main()
