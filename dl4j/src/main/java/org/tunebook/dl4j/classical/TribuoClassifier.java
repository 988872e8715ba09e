package org.tunebook.dl4j.classical;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tunebook.dl4j.data.LabeledData;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A Tribuo trainer behind the {@link Classifier} face; the trainer is made at fit time from the training data. */
final class TribuoClassifier implements Classifier {
    private static final LabelFactory LABELS = new LabelFactory();
    private final String description;
    private final Function<LabeledData, Trainer<Label>> trainerFactory;
    private Model<Label> model;

    TribuoClassifier(String description, Function<LabeledData, Trainer<Label>> trainerFactory) {
        this.description = description;
        this.trainerFactory = trainerFactory;
    }

    @Override
    public Classifier fit(LabeledData train) {
        Quiet.install();
        Trainer<Label> trainer = trainerFactory.apply(train);
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(train.name(), LABELS), LABELS);
        for (Example<Label> e : examples(train)) {
            dataset.add(e);
        }
        model = Quiet.call(() -> trainer.train(dataset));
        return this;
    }

    @Override
    public int[] predict(LabeledData data) {
        if (model == null) {
            throw new IllegalStateException(description + " is not trained: call fit(train) first");
        }
        List<Example<Label>> examples = examples(data);
        int[] out = new int[examples.size()];
        var predictions = model.predict(examples);
        for (int i = 0; i < out.length; i++) {
            out[i] = Integer.parseInt(predictions.get(i).getOutput().getLabel());
        }
        return out;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }

    static List<Example<Label>> examples(LabeledData data) {
        String[] names = new String[data.features()];
        for (int j = 0; j < names.length; j++) {
            names[j] = String.format("px%04d", j);
        }
        List<Example<Label>> out = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            float[] row = data.row(i);
            double[] values = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                values[j] = row[j];
            }
            out.add(new ArrayExample<>(new Label(Integer.toString(data.label(i))), names, values));
        }
        return out;
    }
}
