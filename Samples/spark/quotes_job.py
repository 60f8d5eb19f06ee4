#!/usr/bin/env python3
"""QuoteKit as a stage of Apache Spark: JSONL documents in, JSONL quote records out.

Each partition of the input is piped through the quotekit binary, which the job ships to the
executors with SparkContext.addFile, exactly as `quotekit extract --input-format jsonl --format
jsonl -` reads documents on one machine: one JSON object per line with string fields "id" and
"text"; every other field of a document is carried into its records under "metadata", so the
records join back to the documents. Output lines are quote records, in input order within each
part file, and the same on every run (Spark may run a task twice).

A failing quotekit fails its task (RDD.pipe with checkCode=True; by default RDD.pipe ignores a
non-zero exit status). A malformed document is such a failure unless --skip-bad-documents is
given, in which case it is reported on the executor's standard error and left out.

Run it with spark-submit; the README's "Distributed mode" section shows how, on one machine and
on a cluster.
"""
import argparse
import os
import shlex

from pyspark import SparkFiles
from pyspark.sql import SparkSession

# Runs on the executors. Files added with SparkContext.addFile are in an executor's working
# directory on a cluster; in local mode the one executor is the driver, which keeps them in
# SparkFiles.getRootDirectory() (passed as $0). $1 is the binary's name, $2 the rules folder's
# name or "", then quotekit's own arguments.
LAUNCHER = (
    'dir=.; [ -x "./$1" ] || dir="$0"; binary="$1"; rules="$2"; shift 2; '
    'if [ -n "$rules" ]; then set -- "$@" --rules "$dir/$rules"; fi; '
    'exec "$dir/$binary" "$@"'
)


def quotekit_command(binary, rules, lang, skip_bad_documents, files_directory):
    """The command line RDD.pipe runs for each partition."""
    arguments = ["extract", "--input-format", "jsonl", "--format", "jsonl", "--jobs", "1",
                 "--summary", "none", "--lang", lang,
                 "--on-error", "ignore" if skip_bad_documents else "fail", "-"]
    return shlex.join(["/bin/sh", "-c", LAUNCHER, files_directory, binary, rules or ""] + arguments)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Extract quotes from JSONL documents with QuoteKit on Spark.")
    parser.add_argument("input", help="JSONL documents (a file or folder Spark can read: local, HDFS, S3, ...)")
    parser.add_argument("output", help="a folder for the JSONL quote records (it must not exist)")
    parser.add_argument("--quotekit", default="quotekit",
                        help="the quotekit binary on the driver: a build with the Swift runtime linked in (see the README)")
    parser.add_argument("--rules", help="a rules folder laid out like Rules/ (DIR/en/NAME.yaml), layered over the built-in rules")
    parser.add_argument("--lang", default="en", help="the language of the documents (default: en)")
    parser.add_argument("--partitions", type=int, help="the least number of partitions to split the input into")
    parser.add_argument("--skip-bad-documents", action="store_true",
                        help="report a malformed document and go on (quotekit --on-error ignore) instead of failing the task")
    args = parser.parse_args(argv)

    spark = SparkSession.builder.appName("quotekit").getOrCreate()
    sc = spark.sparkContext
    sc.addFile(os.path.abspath(args.quotekit))
    rules = None
    if args.rules:
        sc.addFile(os.path.abspath(args.rules), recursive=True)
        rules = os.path.basename(os.path.normpath(args.rules))
    command = quotekit_command(os.path.basename(args.quotekit), rules, args.lang, args.skip_bad_documents,
                               SparkFiles.getRootDirectory())
    documents = sc.textFile(args.input, minPartitions=args.partitions)
    documents.pipe(command, checkCode=True).saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
