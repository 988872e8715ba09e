#!/usr/bin/env bash
# Seconds per epoch of the tutorials' networks: DL4J (EpochBench.java) next to scikit-learn's MLPClassifier
# (sklearn_mlp.py) on the same MNIST files, same machine, one after the other. Writes bench/results/dl4j.md.
# Needs the data cache (scripts/setup.d/20-data.sh) and the venv (scripts/setup.d/10-python.sh).
# Usage: bench/run-dl4j.sh [CNN_ROWS]   (rows of the CNN epoch, default 2000)
source "$(dirname "$0")/../scripts/lib.sh"
cd "$TUNEBOOK_ROOT"
rows="${1:-2000}"
out="bench/results/dl4j.md"
mkdir -p bench/results
cp_file="$(mktemp)"
mvn -B -ntp -q -pl dl4j -am compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >/dev/null
cp="dl4j/target/classes:$(cat "$cp_file")"
jars_mb() { tr ':' '\n' < "$cp_file" | grep -E "$1" | xargs -r du -cb | tail -1 | awk '{printf "%.1f", $1/1e6}'; }
all_mb="$(tr ':' '\n' < "$cp_file" | xargs -r du -cb | tail -1 | awk '{printf "%.1f", $1/1e6}')"
dl4j_mb="$(jars_mb 'org/nd4j|org/deeplearning4j|org/bytedeco')"
native_mb="$(jars_mb 'linux-x86_64')"
tribuo_mb="$(jars_mb 'tribuo|olcut|libsvm|liblinear|protobuf-java|jline|jansi|opencsv|commons-text|beanutils|commons-logging|commons-collections/')"
rm -f "$cp_file"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# DL4J twice: OpenBLAS/OpenMP with its default thread count (one per core) and with OMP_NUM_THREADS=1
# (the notebook runner's setting); each line gets the setting as a first column.
java_runs() {
  local what="$1"; shift
  java -cp "$cp" bench/dl4j/EpochBench.java "$what" "$@" 2>"$log_dir/java-$what-default.err" | sed 's/^/default\t/'
  OMP_NUM_THREADS=1 java -cp "$cp" bench/dl4j/EpochBench.java "$what" "$@" 2>"$log_dir/java-$what-1.err" | sed 's/^/1\t/'
}
log_dir="bench/target/dl4j"; mkdir -p "$log_dir"
java_mlp="$(java_runs mlp)"
py_mlp="$("$TUNEBOOK_VENV/bin/python" bench/dl4j/sklearn_mlp.py "$TUNEBOOK_DATA")"
java_cnn="$(java_runs cnn "$rows")"
[ -n "$java_mlp" ] && [ -n "$java_cnn" ] || { cat "$log_dir"/java-*.err >&2; echo "run-dl4j: the DL4J runs printed nothing (errors above)" >&2; exit 1; }
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo "## DL4J training speed (seconds per epoch)"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "load average before/after: $load_before / $load_after (the machine is shared with other developers:"
  echo "read the figures as rough). DL4J 1.0.0-M2.1, ND4J CPU backend (OpenBLAS); scikit-learn $("$TUNEBOOK_VENV/bin/python" -c 'import sklearn; print(sklearn.__version__)')."
  echo "Median epoch of the measured epochs, after a warm-up fit on 512 rows; training only (no validation pass)."
  echo
  echo "| model | DL4J threads (OMP_NUM_THREADS) | rows | batch | epochs | DL4J s/epoch | scikit-learn s/epoch | DL4J / sklearn | DL4J test acc | sklearn test acc |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  while IFS=$'\t' read -r threads name n batch epochs sec per1k acc; do
    match="$(printf '%s\n' "$py_mlp" | awk -F'\t' -v n="${name%%, raw*}" -v b="$batch" '$1==n && $3==b')"
    psec="$(printf '%s' "$match" | cut -f5)"; pacc="$(printf '%s' "$match" | cut -f7)"
    ratio="$(awk -v a="$sec" -v b="$psec" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "-" }')"
    echo "| $name | $threads | $n | $batch | $epochs | $sec | ${psec:--} | $ratio | $acc | ${pacc:--} |"
  done <<< "$java_mlp"
  while IFS=$'\t' read -r threads name n batch epochs sec per1k acc; do
    echo "| $name | $threads | $n | $batch | $epochs | $sec ($per1k per 1k rows) | no CNN in scikit-learn | - | $acc | - |"
  done <<< "$java_cnn"
  echo
  echo "Download sizes of the dl4j module's runtime classpath: ${all_mb} MB in all; DL4J + ND4J + JavaCPP ${dl4j_mb} MB,"
  echo "of which Linux x86-64 natives ${native_mb} MB; Tribuo with LibSVM/LibLinear and their dependencies ${tribuo_mb} MB."
  echo "The first run unpacks about 400 MB of natives into ~/.javacpp/cache."
} > "$out"
cat "$out"
