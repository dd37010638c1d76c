#!/usr/bin/env python3
"""Joint fit of infertui's step-time model to the calibration points.

usage: tests/calib/fit.py FILE.jsonl [FILE.jsonl ...]

Reads every decode and prefill point (and the device ceilings) of the given
calibration files, fits the constants of the per-pass roofline described in
man/infertui-model.7 ("Time", "Calibration") by least squares on
log(predicted/measured), and prints the constants, the residual table and the
leave-one-model-out cross-validation.  Pure Python (no numpy): a small
Nelder-Mead.  Not run by `make check`; the C unit test test_model_calib checks
that the shipped constants reproduce the residual table printed here.
"""
import json, math, statistics, sys

H100_BW, H100_BF16, H100_FP8 = 3.35e12, 989.4e12, 1978.9e12

def load(files):
    shapes, pts, ceil = {}, [], {}
    for f in files:
        for line in open(f):
            r = json.loads(line)
            dev = r.get("device", "NVIDIA H100 80GB HBM3")
            if r["kind"] == "ceiling":
                ceil[(dev, r["what"])] = r["value"]
            elif r["kind"] == "model" and "layers" in r:
                shapes[r["model"]] = r
            elif r["kind"] in ("decode", "prefill"):
                q = dict(r)
                q.setdefault("precision", "bf16")
                pts.append(q)
    return shapes, pts, ceil

def features(m, p):
    """bytes, flops, tokens as infertui counts them (params_count.c, latency.c)"""
    L, H, nh, nkv, ff, V = (m[k] for k in ("layers", "hidden", "heads", "kv_heads", "ffn", "vocab"))
    dh = H / nh
    attn = H * nh * dh + 2 * H * nkv * dh + nh * dh * H
    P_layers = L * (attn + 3 * H * ff)
    P_head = V * H
    wbits = 8 if p["precision"] == "fp8" else 16
    kv_tok = 2 * L * nkv * dh * 2
    f = {"L": L, "H": H, "fmt": p["precision"], "model": p["model"], "kind": p["kind"]}
    w = (P_layers + P_head) * wbits / 8
    if p["kind"] == "decode":
        b, c = p["batch"], p["ctx"]
        f.update(W=w, KV=b * c * kv_tok, M=b,
                 flops=b * (2 * (P_layers + P_head) + 4 * nh * dh * c * L),
                 meas=p["step_ms"] / 1e3, label=f"{p['model']} {p['precision']} decode b={b} ctx={c}")
    else:
        S = p["prompt"]
        f.update(W=w, KV=S * kv_tok, M=S,
                 flops=2 * P_layers * S + 2 * P_head + 4 * nh * dh * L * S * (S - S / 2),
                 meas=p["ms"] / 1e3, label=f"{p['model']} {p['precision']} prefill S={S}")
    return f

SHIPPED = {"mbu": 0.808, "tau_us": 39.6, "mfu": 0.672, "kappa": 0.380, "phi_fp8": 0.695,
           "K_half": 286}

# parameter vector: names and transform from unconstrained x
NAMES = ["mbu", "tau_us", "mfu", "kappa", "phi_fp8", "K_half"]

def unpack(x):
    sig = lambda v: 1 / (1 + math.exp(-v))
    return {"mbu": sig(x[0]), "tau_us": math.exp(x[1]), "mfu": sig(x[2]),
            "kappa": sig(x[3]), "phi_fp8": sig(x[4]), "K_half": math.exp(x[5])}

def pack(d):
    logit = lambda v: math.log(v / (1 - v))
    return [logit(d["mbu"]), math.log(d["tau_us"]), logit(d["mfu"]), logit(d["kappa"]),
            logit(d["phi_fp8"]), math.log(d["K_half"])]

def predict(k, f, ceil_fp8):
    phi = k["phi_fp8"] if f["fmt"] == "fp8" else 1.0
    bw = H100_BW * k["mbu"]
    mem = f["W"] / (bw * phi) + f["KV"] / bw + f["L"] * k["tau_us"] * 1e-6
    K = f["H"]
    nu = K / (K + k["K_half"])
    if f["fmt"] == "fp8":
        F = H100_FP8 * k["mfu"] * ceil_fp8
    else:
        F = H100_BF16 * k["mfu"]
    comp = f["flops"] / (F * nu)
    return max(mem, comp) + k["kappa"] * min(mem, comp), mem, comp

def nelder_mead(fun, x0, step=0.3, iters=4000, tol=1e-12):
    n = len(x0)
    simplex = [list(x0)]
    for i in range(n):
        y = list(x0); y[i] += step; simplex.append(y)
    vals = [fun(s) for s in simplex]
    for _ in range(iters):
        order = sorted(range(n + 1), key=lambda i: vals[i])
        simplex = [simplex[i] for i in order]; vals = [vals[i] for i in order]
        if abs(vals[-1] - vals[0]) < tol:
            break
        cen = [sum(s[j] for s in simplex[:-1]) / n for j in range(n)]
        xr = [cen[j] + (cen[j] - simplex[-1][j]) for j in range(n)]
        fr = fun(xr)
        if fr < vals[0]:
            xe = [cen[j] + 2 * (cen[j] - simplex[-1][j]) for j in range(n)]
            fe = fun(xe)
            simplex[-1], vals[-1] = (xe, fe) if fe < fr else (xr, fr)
        elif fr < vals[-2]:
            simplex[-1], vals[-1] = xr, fr
        else:
            xc = [cen[j] + 0.5 * (simplex[-1][j] - cen[j]) for j in range(n)]
            fc = fun(xc)
            if fc < vals[-1]:
                simplex[-1], vals[-1] = xc, fc
            else:
                for i in range(1, n + 1):
                    simplex[i] = [simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]) for j in range(n)]
                    vals[i] = fun(simplex[i])
    i = min(range(n + 1), key=lambda i: vals[i])
    return simplex[i], vals[i]

def fit(feats, ceil_fp8, start):
    def loss(x):
        k = unpack(x)
        return sum(math.log(predict(k, f, ceil_fp8)[0] / f["meas"]) ** 2 for f in feats)
    x = pack(start)
    best = None
    for _ in range(6):         # restarts
        x, v = nelder_mead(loss, x)
        if best is not None and abs(best - v) < 1e-14:
            break
        best = v
    return unpack(x)

def main():
    shapes, pts, ceil = load(sys.argv[1:])
    H100 = "NVIDIA H100 80GB HBM3"
    # fp8 compute: the fp8 GEMM ceiling's share of the fp8 peak against bf16's
    ceil_fp8 = (ceil[(H100, "fp8_gemm_8192_TFLOPs")] * 1e12 / H100_FP8) / \
               (ceil[(H100, "bf16_gemm_8192_TFLOPs")] * 1e12 / H100_BF16)
    feats = [features(shapes[p["model"]], p) for p in pts]
    start = {"mbu": 0.78, "tau_us": 35, "mfu": 0.6, "kappa": 0.3, "phi_fp8": 0.6, "K_half": 500}
    k = fit(feats, ceil_fp8, start)
    print("fp8 compute factor (ceilings):", round(ceil_fp8, 4))
    print("fitted:", {n: round(v, 5) for n, v in k.items()})
    fitted = k
    # the constants as shipped (src/catalog/catalog_impl.h, src/model/model_impl.h)
    k = dict(SHIPPED)
    ceil_fp8 = round(ceil_fp8, 4)
    print("shipped:", k)
    res = []
    for f in feats:
        t, m, c = predict(k, f, ceil_fp8)
        r = t / f["meas"] - 1
        res.append(r)
        print(f"{f['label']:42s} meas {1e3*f['meas']:8.3f} pred {1e3*t:8.3f}  mem {1e3*m:7.3f} comp {1e3*c:7.3f}  {100*r:+6.2f}%")
    a = [abs(r) for r in res]
    print(f"in-sample: median {100*statistics.median(a):.2f}%  worst {100*max(a):.2f}%")
    lomo = []
    for name in sorted({f["model"] for f in feats}):
        train = [f for f in feats if f["model"] != name]
        kk = fit(train, ceil_fp8, fitted)
        if not any(f["fmt"] == "fp8" for f in train):
            kk["phi_fp8"] = fitted["phi_fp8"]  # not identifiable without fp8 points
        for f in feats:
            if f["model"] == name:
                r = predict(kk, f, ceil_fp8)[0] / f["meas"] - 1
                lomo.append(abs(r))
                print(f"LOMO {name:14s} {f['label']:42s} {100*r:+6.2f}%")
    print(f"LOMO: {len(lomo)} points")
    print(f"LOMO: median {100*statistics.median(lomo):.2f}%  worst {100*max(lomo):.2f}%  p90 {100*sorted(lomo)[int(0.9*len(lomo))]:.2f}%")

main()
