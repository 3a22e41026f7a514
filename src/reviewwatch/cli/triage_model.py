"""`reviewwatch triage ...`: correct a review's categories, fine-tune the category model toward
the corrections, and (for maintainers) train the shipped model from the labelled files."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import Annotated, Any

import typer

from reviewwatch.cli.context import (
    ConfigOption,
    DbOption,
    ReviewIdArgument,
    reports_errors,
    state_of,
)
from reviewwatch.cli.render import make_console, safe
from reviewwatch.cli.workflow import ActorOption, actor
from reviewwatch.errors import UserError

triage_app = typer.Typer(
    name="triage",
    help="Correct triage categories and fine-tune the category model toward the corrections.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def register(app: typer.Typer) -> None:
    app.add_typer(triage_app, name="triage")


def _training_module() -> Any:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise UserError(
            "training the category model needs scikit-learn: pip install 'reviewwatch[train]'"
        ) from None
    from reviewwatch.triage.model import build

    return build


@triage_app.command("correct")
@reports_errors
def correct(
    ctx: typer.Context,
    review_id: ReviewIdArgument,
    categories: Annotated[
        str,
        typer.Option(
            "--categories", help="The right categories, comma-separated ('none' for none)."
        ),
    ],
    grounds: Annotated[
        str | None,
        typer.Option(
            "--grounds",
            help="The right removal grounds, comma-separated ('none' for none).",
            show_default=False,
        ),
    ] = None,
    by: ActorOption = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Set a review's complaint categories (and removal grounds) as they really are."""
    from reviewwatch.corrections import parse_labels, record_correction
    from reviewwatch.triage.models import CATEGORIES, REMOVAL_GROUNDS

    names = parse_labels(categories, CATEGORIES, "category")
    ground_names = None if grounds is None else parse_labels(grounds, REMOVAL_GROUNDS, "ground")
    state = state_of(ctx).override(config, db)
    with closing(state.connect()) as conn:
        record_correction(conn, review_id, names, ground_names, actor=actor(by))
    message = f"#{review_id} categories: {', '.join(names) or 'none'}"
    if ground_names is not None:
        message += f"; removal grounds: {', '.join(ground_names) or 'none'}"
    make_console().print(safe(message))


def _figures_lines(before: dict[str, Any], after: dict[str, Any], folds: int) -> list[str]:
    from reviewwatch.triage.models import CATEGORIES

    rows = after["rows"]
    how = "leaving one out" if folds == rows else f"{folds} folds"
    lines = [
        f"On your {rows} corrected review(s), cross-validated ({how}): macro-F1 "
        f"{before['macro_f1']:.3f} (shipped model) -> {after['macro_f1']:.3f} (fine-tuned "
        "on your other corrections)"
    ]
    for name in CATEGORIES:
        old, new = before["categories"][name], after["categories"][name]
        if new["support"] or old["support"]:
            lines.append(f"  {name:<20} F1 {old['f1']:.3f} -> {new['f1']:.3f}  ({new['support']})")
    return lines


@triage_app.command("retrain")
@reports_errors
def retrain(
    ctx: typer.Context,
    reset: Annotated[
        bool, typer.Option("--reset", help="Delete the local model: use the shipped one again.")
    ] = False,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Fine-tune the shipped category model toward your corrections."""
    from reviewwatch.triage.model import local_model_path, write_model

    path = local_model_path()
    console = make_console()
    if reset:
        if path.exists():
            path.unlink()
            console.print(safe(f"removed {path}: triage uses the shipped model again"))
        else:
            console.print(safe("no local model: triage already uses the shipped model"))
        return
    from reviewwatch.corrections import all_corrections
    from reviewwatch.triage._text import base_language
    from reviewwatch.triage.model import shipped_model
    from reviewwatch.triage.model.finetune import Correction
    from reviewwatch.triage.model.finetune import retrain as fine_tune_on

    state = state_of(ctx).override(config, db)
    with closing(state.connect()) as conn:
        corrections = [
            # Stored languages may name a script (zh-Hant): the word lists are per language.
            Correction(record.review_id, text, base_language(language) or "en", record.categories)
            for record in all_corrections(conn)
            for title, body, language in conn.execute(
                "SELECT title, body, language FROM reviews WHERE id = ?", (record.review_id,)
            )
            for text in ["\n".join(part for part in (title, body) if part)]
        ]
    if not corrections:
        raise UserError(
            "no corrections to learn from: record some first with "
            "`reviewwatch triage correct ID --categories a,b`"
        )
    console.print(
        safe(f"fine-tuning the shipped model toward your {len(corrections)} correction(s)...")
    )
    result = fine_tune_on(shipped_model(), corrections)
    write_model(result.model, path)
    lines = _figures_lines(result.before, result.after, result.folds)
    if result.ignored_grams:
        lines.append(
            f"{result.ignored_grams} word(s) or pair(s) of your reviews are not in the shipped "
            "vocabulary: ignored"
        )
    lines.append(f"wrote {path}; `reviewwatch triage retrain --reset` restores the shipped model")
    for line in lines:
        console.print(safe(line))


@triage_app.command("train")
@reports_errors
def train(
    data: Annotated[
        Path,
        typer.Option("--data", help="Folder with the labelled .jsonl files.", show_default=False),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Where to write the model (default: the package).",
            show_default=False,
        ),
    ] = None,
    encoder: Annotated[
        bool,
        typer.Option(
            "--encoder",
            help="Also fit the encoder head (needs the encoder extra; minutes, not seconds).",
        ),
    ] = False,
) -> None:
    """Train the shipped category model from the labelled files (for maintainers)."""
    build = _training_module()
    from reviewwatch.triage.model.dataset import DATA_FILES, labelled_texts, read_labelled

    missing = [name for name in DATA_FILES if not (data / name).is_file()]
    if missing:
        raise UserError(f"{data} lacks {', '.join(missing)}")
    if encoder:
        from reviewwatch.triage.model.encoder import load_encoder

        if load_encoder() is None:
            raise UserError(
                "the encoder head needs the encoder extra: pip install 'reviewwatch[encoder]'"
            )
    dataset = read_labelled(data)
    model, result = build.train(dataset)
    folder = out or Path(__file__).resolve().parents[1] / "triage" / "model"
    model_path = build.write_shipped(model, folder)
    console = make_console()
    console.print(safe(f"data sha256 {dataset.data_sha256}"))
    console.print(safe(f"cross-validated macro-F1 {result['macro_f1']:.3f}"))
    console.print(safe(f"wrote {model_path}"))
    if encoder:
        from reviewwatch.triage.model.encoder import ENCODER_NAME, write_head

        with_written = read_labelled(data, written=True)
        console.print(safe(f"encoding {len(with_written.examples)} texts..."))
        vectors = build.embed_texts(labelled_texts(data, written=True))
        head, mixed = build.train_head(with_written, vectors, model)
        head_path = folder / ENCODER_NAME
        write_head(head, head_path)
        console.print(safe(f"cross-validated macro-F1 with the encoder {mixed['macro_f1']:.3f}"))
        console.print(safe(f"wrote {head_path}"))
