"""A learning-curve explorer for the lesson on data versus algorithms.

The explorer only *draws* curves: it calls the student's own ``learning_curve`` function once
per model (all at the start, or each when first chosen), keeps the results, and plots every curve
computed so far on a logarithmic size axis, with the chosen model and training size marked.
Changing the size or the model afterwards only redraws, which takes about a tenth of a second.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence

import ipywidgets
from matplotlib.figure import Figure

Curve = list[tuple[int, float]]
LearningCurve = Callable[..., Sequence[tuple[int, float]]]


class CurveExplorer(ipywidgets.VBox):
    """A model menu, a training-size slider and the learning curves as a picture."""

    def __init__(
        self,
        learning_curve: LearningCurve,
        models: Mapping[str, Callable[[], object]],
        X: object,  # noqa: N803 - scikit-learn's name for a feature matrix
        y: object,
        train_sizes: Sequence[int],
        seed: int = 0,
        precompute: bool = True,
    ) -> None:
        """Build an explorer that plots ``learning_curve(make_model, X, y, train_sizes, seed)``.

        Args:
            learning_curve: the student's function; it returns ``(size, accuracy)`` pairs.
            models: a name for each model, with a function that makes a fresh, unfitted model.
            X: the features, one row per example.
            y: the labels.
            train_sizes: the training-set sizes to measure, smallest first.
            seed: the seed passed on to ``learning_curve``.
            precompute: compute every model's curve at once, so that all are drawn from the start;
                otherwise each is computed the first time it is chosen.
        """
        if not models or not train_sizes:
            raise ValueError("give at least one model and one training size")
        self._learning_curve, self._models = learning_curve, dict(models)
        self._data, self._sizes, self._seed = (X, y), list(train_sizes), seed
        self.curves: dict[str, Curve] = {}
        self.model = ipywidgets.Dropdown(options=list(self._models), description="Model:")
        self.size = ipywidgets.SelectionSlider(
            options=self._sizes, value=self._sizes[-1], description="Train size:"
        )
        self.message = ipywidgets.HTML()
        self.picture = ipywidgets.Image(format="png")
        self.figure = Figure(figsize=(6.5, 4))
        self.model.observe(self._redraw, names="value")
        self.size.observe(self._redraw, names="value")
        super().__init__([ipywidgets.HBox([self.model, self.size]), self.message, self.picture])
        for name in self._models if precompute else []:
            if self._compute(name):
                break  # the student's function fails: the message says why, once
        self._redraw()

    def curve(self, name: str) -> Curve:
        """Return the learning curve of model ``name``, computing it the first time only."""
        if name not in self.curves:
            X, y = self._data  # noqa: N806 - scikit-learn's name for a feature matrix
            points = self._learning_curve(self._models[name], X, y, self._sizes, self._seed)
            self.curves[name] = [(int(size), float(score)) for size, score in points]
        return self.curves[name]

    @property
    def point(self) -> tuple[int, float] | None:
        """The chosen model's (training size, accuracy) at the chosen size, if it was measured."""
        matches = [p for p in self.curves.get(self.model.value, []) if p[0] == self.size.value]
        return matches[0] if matches else None

    def _compute(self, name: str) -> str:
        """Compute a curve if needed; return, and show, why it failed ("" if it did not)."""
        try:
            self.curve(name)
            problem = ""
        except NotImplementedError:
            problem = "Write learning_curve in Exercise 3 to see the curves here."
        except Exception as error:  # noqa: BLE001 - show the student's error instead of failing
            problem = f"learning_curve raised {type(error).__name__}: {error}"
        self.message.value = problem
        return problem

    def _redraw(self, change: object = None) -> None:
        self._compute(self.model.value)
        self.figure.clear()
        axes = self.figure.add_subplot()
        for name, points in self.curves.items():
            chosen = name == self.model.value
            axes.plot(
                [size for size, _ in points],
                [score for _, score in points],
                marker="o",
                linewidth=2.5 if chosen else 1,
                alpha=1.0 if chosen else 0.5,
                label=name,
            )
        if self.point is not None:
            size, score = self.point
            axes.plot([size], [score], marker="*", markersize=18, color="black", zorder=5)
            axes.annotate(
                f"{self.model.value}: {score:.3f} at {size}",
                (size, score),
                textcoords="offset points",
                xytext=(-10, -22),
                ha="right",
            )
        axes.set_xscale("log")
        axes.set_xlabel("training examples (log scale)")
        axes.set_ylabel("accuracy on the held-out set")
        if self.curves:
            axes.legend(loc="lower right")
        axes.grid(True, which="both", alpha=0.3)
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=80, bbox_inches="tight")
        self.picture.value = buffer.getvalue()


#: The explorer, called like a function: ``curve_explorer(learning_curve, models, X, y, sizes)``.
curve_explorer = CurveExplorer
