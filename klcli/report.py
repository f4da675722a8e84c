"""The headless report (``--report``): read the files named, compare or evaluate them, and
print the text or JSON report of core.reports. Imports no Qt.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from klcli.arguments import BASES, VALUE_KINDS, bootstrap_options
from klcli.console import print_error, print_line


def read_prediction_files(args: argparse.Namespace):  # -> list[ModelPredictions]
    """Every model in the prediction files named. Raises FormatError."""
    from core.formats.merged_files import refuse_repeated
    from core.predictions.readers import read_predictions

    refuse_repeated(args.files)
    models = []
    for path in args.files:
        models.extend(
            read_predictions(path, label_column=args.label_column, labels_path=args.labels)
        )
    return models


def run_prediction_report(args: argparse.Namespace) -> int:
    from core import FormatError
    from core.predictions.evaluation import evaluate
    from core.reports.prediction_report import prediction_report_json, prediction_report_text

    try:
        models = read_prediction_files(args)
        report = evaluate(
            models,
            base=BASES[args.base] if args.base is not None else None,
            **bootstrap_options(args),
        )
    except (FormatError, ValueError) as error:
        print_error(str(error))
        return 2
    source = ", ".join(args.files)
    print(
        prediction_report_json(report) if args.json else prediction_report_text(report, source),
        end="",
    )
    if args.json:
        print()
    return 0


def read_sample_files(args: argparse.Namespace):  # -> (SampleSet, [SampleSet], [Logged...], [str])
    """The reference, the candidates, the llama-perplexity logs, and every candidate's name
    in the order given.
    The temperature divides the logits of .npy and .npz files (a .kld holds
    log-probabilities). Raises FormatError."""
    from core import FormatError
    from core.formats.merged_files import refuse_repeated
    from core.sample_distributions import read_sample_file
    from core.sample_distributions.llama_logs import is_log_file, read_llama_log

    refuse_repeated([args.reference, *args.files])
    if is_log_file(args.reference):
        raise FormatError(
            "a llama-perplexity log holds figures, not the reference's distributions: give "
            "it after the reference, as a candidate",
            path=args.reference,
        )
    kind = VALUE_KINDS[args.values or "probs"]
    temperature = 1.0 if args.temperature is None else args.temperature

    def read(path: str):
        scaled = temperature if not path.lower().endswith(".kld") else 1.0
        return read_sample_file(path, kind=kind, temperature=scaled)

    reference = read(args.reference)
    candidates, logs, order = [], [], []
    for path in args.files:
        if is_log_file(path):
            logs.append(read_llama_log(path))
            order.append(logs[-1].name)
        else:
            candidates.append(read(path))
            order.append(candidates[-1].name)
    return reference, candidates, logs, order


def run_sample_report(args: argparse.Namespace) -> int:
    """--report --reference REF CAND ...: candidates (and logs' figures) ranked by mean KLD."""
    from core import FormatError
    from core.reports.sample_report import sample_report_json, sample_report_text
    from core.sample_distributions import compare_samples
    from core.sample_distributions.llama_logs import is_log_file
    from core.sample_distributions.ranking import rank_with_logs

    if all(is_log_file(path) for path in args.files):
        print_error(
            "give at least one candidate file beside the logs: a log's figures are ranked "
            "beside the candidates compared with the reference"
        )
        return 2
    try:
        reference, candidates, logs, order = read_sample_files(args)
        comparison = compare_samples(
            reference,
            candidates,
            base=BASES[args.base] if args.base is not None else None,
            **bootstrap_options(args),
        )
        ranked = rank_with_logs(comparison, logs, order)
    except (FormatError, ValueError) as error:
        print_error(str(error))
        return 2
    print(sample_report_json(ranked) if args.json else sample_report_text(ranked), end="")
    if args.json:
        print()
    return 0


def run_report(args: argparse.Namespace) -> int:
    from core import FormatError, InvalidDistributionError
    from core.formats.merged_files import files_or_example
    from core.merging import describe_empty_cells
    from core.predictions.detection import is_prediction_file
    from core.reports.comparison_report import report_json, report_text

    if args.reference is not None:
        return run_sample_report(args)
    kinds = {path: is_prediction_file(path, args.label_column) for path in args.files}
    if set(kinds.values()) == {True}:
        return run_prediction_report(args)
    if set(kinds.values()) == {True, False}:
        predictions = ", ".join(path for path, is_predictions in kinds.items() if is_predictions)
        tables = ", ".join(path for path, is_predictions in kinds.items() if not is_predictions)
        print_error(
            "give either distribution tables or prediction files, not both (prediction files: "
            f"{predictions}; distribution tables: {tables})"
        )
        return 2

    try:
        tables = files_or_example(args.files)
    except FormatError as error:
        print_error(f"{error}{_prediction_hint(args.files)}")
        return 2
    for table, summary in tables.merges:
        print_line(summary.describe(table))
    workspace = tables.workspace
    if args.base is not None:
        workspace = workspace.with_base(BASES[args.base])
    source = ", ".join(args.files) if args.files else "the built-in example"
    empty = workspace.empty_cells()
    if empty:
        left_by_merges = {cell for _, summary in tables.merges for cell in summary.empty_cells()}
        print_error(f"{source}: {describe_empty_cells(empty, left_by_merges)}")
        return 2
    try:
        comparison = workspace.compare()
    except InvalidDistributionError as error:
        print_error(f"{source}: {error}{_prediction_hint(args.files)}")
        return 2
    source = ", ".join(args.files) if args.files else "built-in example (dog / cat / rabbit)"
    print(report_json(comparison) if args.json else report_text(comparison, source), end="")
    if args.json:
        print()
    return 0


def _prediction_hint(files: Sequence[str]) -> str:
    """For an error about tables: why one of them may be a prediction file in disguise."""
    from core.errors import file_name
    from core.predictions.detection import first_prediction_hint

    found = first_prediction_hint(files)
    if found is None:
        return ""
    path, hint = found
    return f" ({file_name(path)}: {hint}, or pass --label-column NAME)"
