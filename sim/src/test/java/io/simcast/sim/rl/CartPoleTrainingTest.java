package io.simcast.sim.rl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Shows that the cart-pole balance reward is learnable: the cross-entropy method on a linear policy reaches
 * Gymnasium CartPole-v1's solved level (mean return >= 475 over 100 episodes of at most 500 steps).
 */
class CartPoleTrainingTest {
    private static final int POPULATION = 32;
    private static final int ELITE = 6;
    private static final int MAX_GENERATIONS = 30;

    @Test
    void crossEntropyMethodOnALinearPolicySolvesBalancingToCartPoleV1sLevel() {
        double[] mean;
        try (VectorEnv population = VectorEnv.create("cartpole", "balance", 1L, POPULATION, null)) {
            mean = train(population);
        }
        try (VectorEnv evaluation = VectorEnv.create("cartpole", "balance", 2L, 100, 500)) {
            LinearPolicy[] same = new LinearPolicy[100];
            Arrays.fill(same, new LinearPolicy(mean));
            double[] returns = LinearPolicy.episodeReturns(evaluation, same, 1_000_000L);
            double meanReturn = Arrays.stream(returns).average().orElseThrow();
            System.out.printf("cart-pole balance: mean return %.1f over 100 episodes, policy %s%n", meanReturn,
                    Arrays.toString(mean));
            assertThat(meanReturn).isGreaterThanOrEqualTo(475);
        }
    }

    /** CEM: sample around the mean, keep the best, refit; stops once the elite all balance for 500 steps. */
    private static double[] train(VectorEnv env) {
        int size = LinearPolicy.parameterCount(env.singleObservationSpace().size());
        SplittableRandom random = new SplittableRandom(7);
        double[] mean = new double[size];
        double[] deviation = new double[size];
        Arrays.fill(deviation, 3);
        for (int generation = 0; generation < MAX_GENERATIONS; generation++) {
            LinearPolicy[] candidates = new LinearPolicy[POPULATION];
            for (int c = 0; c < POPULATION; c++) {
                double[] parameters = new double[size];
                for (int k = 0; k < size; k++) {
                    parameters[k] = mean[k] + deviation[k] * random.nextGaussian();
                }
                candidates[c] = new LinearPolicy(parameters);
            }
            double[] returns = LinearPolicy.episodeReturns(env, candidates, 1000L * generation);
            Integer[] order = IntStream.range(0, POPULATION).boxed()
                    .sorted(Comparator.comparingDouble(c -> -returns[c])).toArray(Integer[]::new);
            for (int k = 0; k < size; k++) {
                int parameter = k;
                double[] elite = Arrays.stream(order, 0, ELITE)
                        .mapToDouble(c -> candidates[c].parameters()[parameter]).toArray();
                mean[k] = Arrays.stream(elite).average().orElseThrow();
                double variance = Arrays.stream(elite).map(v -> (v - mean[parameter]) * (v - mean[parameter]))
                        .average().orElseThrow();
                deviation[k] = Math.sqrt(variance) + 0.05;
            }
            System.out.printf("generation %d: best %.0f, elite worst %.0f%n", generation, returns[order[0]],
                    returns[order[ELITE - 1]]);
            if (returns[order[ELITE - 1]] >= 500) {
                break;
            }
        }
        return mean;
    }
}
