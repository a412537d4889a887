"""The embedding model run by OpenVINO, in bfloat16 where the processor computes it.

sentence-transformers runs e5-small in float32 through PyTorch: about 65 items/s on two Zen 4
cores. OpenVINO runs the same network, converted once per machine from the model folder, with
bfloat16 matrix products on AVX512-BF16 (about 330 items/s, cosine to float32 ≥ 0.9999; see
`bench/embed.py`). Tokenizer, mean pooling and prompts are the folder's own, so the vectors are
those of the sentence-transformers model.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
import warnings
from pathlib import Path

import numpy as np

_lock = threading.Lock()


def supports(folder: Path) -> bool:
    """Whether the folder is a mean-pooled, normalised BERT-like model this backend reproduces."""
    try:
        modules = [m["type"].rsplit(".", 1)[-1] for m in json.loads((folder / "modules.json").read_text())]
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text())
    except (OSError, ValueError, KeyError):
        return False
    return modules == ["Transformer", "Pooling", "Normalize"] and pooling.get("pooling_mode_mean_tokens") is True


def bf16_available() -> bool:
    """Whether OpenVINO sees bfloat16 arithmetic on this processor (AVX512-BF16 or AMX)."""
    import openvino as ov

    return "BF16" in ov.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES")


def _converted(folder: Path, precision: str) -> Path:
    """The OpenVINO IR of the folder's network, made once (atomically) beside the model: float32
    weights, and float16 ones for bfloat16 inference (same vectors to cosine 0.99998, measured;
    the serving process holds 250 MB of weights instead of 650)."""
    xml = folder / "openvino" / ("model-fp16.xml" if precision == "bf16" else "model.xml")
    with _lock:
        if all((xml.parent / n).exists() for n in ("model.xml", "model-fp16.xml")):
            return xml
        import openvino as ov
        import torch
        from transformers import AutoModel

        class Hidden(torch.nn.Module):
            def __init__(self, model) -> None:
                super().__init__()
                self.model = model

            def forward(self, input_ids, attention_mask):
                return self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

        model = AutoModel.from_pretrained(str(folder)).eval()
        example = {
            "input_ids": torch.ones((2, 8), dtype=torch.long),
            "attention_mask": torch.ones((2, 8), dtype=torch.long),
        }
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the tracer's notes on shapes it fixes: ours vary, and are checked
            network = ov.convert_model(Hidden(model), example_input=example)
        tmp = Path(tempfile.mkdtemp(prefix=".openvino-", dir=folder))
        ov.save_model(network, str(tmp / "model.xml"), compress_to_fp16=False)
        ov.save_model(network, str(tmp / "model-fp16.xml"), compress_to_fp16=True)
        shutil.rmtree(xml.parent, ignore_errors=True)
        tmp.rename(xml.parent)
        return xml


class OpenVinoEncoder:
    """Texts → unit vectors with OpenVINO; `precision` is «bf16» or «fp32»."""

    def __init__(self, folder: Path, precision: str, threads: int = 0) -> None:
        import openvino as ov
        from tokenizers import Tokenizer

        settings = json.loads((folder / "sentence_bert_config.json").read_text())
        prompts = json.loads((folder / "config_sentence_transformers.json").read_text()).get("prompts", {})
        self.prompts = {kind: prompts.get(kind, "") for kind in ("query", "passage")}
        # The folder's own fast tokenizer, without transformers (and the torch it loads: 600 MB of a
        # serving process); padded to the batch's longest, cut at the model's length.
        pad = json.loads((folder / "tokenizer_config.json").read_text()).get("pad_token", "<pad>")
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(int(settings.get("max_seq_length", 512)))
        self.tokenizer.enable_padding(pad_id=self.tokenizer.token_to_id(pad), pad_token=pad)
        options = {"INFERENCE_PRECISION_HINT": "bf16" if precision == "bf16" else "f32", "PERFORMANCE_HINT": "LATENCY"}
        if threads:
            options["INFERENCE_NUM_THREADS"] = threads
        self.model = ov.Core().compile_model(str(_converted(folder, precision)), "CPU", options)
        self.dim = int(self.model.outputs[0].get_partial_shape()[2].get_length())

    def token_counts(self, texts: list[str]) -> list[int]:
        """How many tokens each passage takes, so that batches group texts of like length."""
        # A second, unpadded tokenizer would cost 290 MB: the padded one's masks say as much, read
        # 64 texts at a time so that one long text pads few others.
        counts = []
        for at in range(0, len(texts), 64):
            encoded = self.tokenizer.encode_batch([self.prompts["passage"] + t for t in texts[at : at + 64]])
            counts += [sum(e.attention_mask) for e in encoded]
        return counts

    def encode(self, texts: list[str], kind: str) -> np.ndarray:
        """One batch, padded to its longest text (callers group texts of like length)."""
        encoded = self.tokenizer.encode_batch([self.prompts[kind] + t for t in texts])
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        hidden = self.model.create_infer_request().infer({"input_ids": ids, "attention_mask": mask})
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden[0] * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return (pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)).astype(np.float32)
