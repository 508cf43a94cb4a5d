"""SHACL validation of our exports against the official shapes in opendata/shapes/ (pySHACL, no inference)."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import RDF

from .namespaces import SH

SHAPES_DIR = Path(__file__).resolve().parent / "shapes"
CPSV_SHAPES = SHAPES_DIR / "cpsv-ap-SHACL.ttl"
IPDC_SHAPES = SHAPES_DIR / "ipdc-instantie-shape.ttl"


@cache
def shapes(path):
    graph = Graph()
    graph.parse(path, format="turtle")
    return graph


@dataclass
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self):
        return f"{self.focus} {self.path}: {self.message}"


@dataclass
class Result:
    conforms: bool
    violations: list

    def __bool__(self):
        return self.conforms


def _violations(report):
    violations = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        if severity is not None and severity != SH.Violation:
            continue
        violations.append(
            Violation(
                focus=str(report.value(result, SH.focusNode)),
                path=str(report.value(result, SH.resultPath) or ""),
                message=str(report.value(result, SH.resultMessage) or ""),
            )
        )
    return sorted(violations, key=lambda violation: (violation.focus, violation.path, violation.message))


def _validate(graph, shapes_path):
    conforms, report, _text = validate(
        graph, shacl_graph=shapes(shapes_path), inference="none", abort_on_first=False, allow_warnings=True
    )
    return Result(conforms=bool(conforms), violations=_violations(report))


def validate_cpsv(graph):
    """Validate a graph against the CPSV-AP 3.2.0 shapes."""
    return _validate(graph, CPSV_SHAPES)


def validate_ipdc(graph):
    """Validate a graph against the IPDC-LPDC instance shape."""
    return _validate(graph, IPDC_SHAPES)
