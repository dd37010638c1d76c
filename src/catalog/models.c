/* models.c — the built-in model shapes, each with its source, and the table
 * user [model.ID] entries join. */
#include "catalog_impl.h"

/* Shapes: HF config.json (via mirrors naming the official repo) and MaxText
 * src/maxtext/configs/models/<name>.yml @e591f30c, as collected in ref §D.  All
 * use a gated MLP (SwiGLU, or GeGLU for Gemma).  Published sizes, which
 * tests/unit/test_catalog.c checks model_count_params() against, are cited
 * there. */
static const model_spec builtin_models[] = {
	{
		/* MaxText llama2-7b.yml [P-derived]; HF meta-llama/Llama-2-7b-hf
		 * config.json: max_position_embeddings 4096 */
		.id = "llama-2-7b", .label = "Llama 2 7B",
		.source = "MaxText llama2-7b.yml @e591f30c, HF config.json (via ref-figures)",
		.layers = 32, .hidden = 4096, .heads = 32, .kv_heads = 32, .head_dim = 128,
		.ffn = 11008, .vocab = 32000,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 4096,
	},
	{
		.id = "llama-2-13b", .label = "Llama 2 13B",
		.source = "MaxText llama2-13b.yml @e591f30c, HF config.json (via ref-figures)",
		.layers = 40, .hidden = 5120, .heads = 40, .kv_heads = 40, .head_dim = 128,
		.ffn = 13824, .vocab = 32000,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 4096,
	},
	{
		/* 8 KV heads (GQA): MaxText; HF model print k_proj out 1024 */
		.id = "llama-2-70b", .label = "Llama 2 70B",
		.source = "MaxText llama2-70b.yml @e591f30c, HF config.json (via ref-figures)",
		.layers = 80, .hidden = 8192, .heads = 64, .kv_heads = 8, .head_dim = 128,
		.ffn = 28672, .vocab = 32000,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 4096,
	},
	{
		/* 131072 context: rope_scaling llama3 x8 of 8192, theta 5e5 */
		.id = "llama-3.1-8b", .label = "Llama 3.1 8B",
		.source = "MaxText llama3.1-8b.yml @e591f30c, HF config.json (via ref-figures)",
		.layers = 32, .hidden = 4096, .heads = 32, .kv_heads = 8, .head_dim = 128,
		.ffn = 14336, .vocab = 128256,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 131072,
	},
	{
		.id = "llama-3.1-70b", .label = "Llama 3.1 70B",
		.source = "MaxText llama3.1-70b.yml @e591f30c, HF config.json (via ref-figures)",
		.layers = 80, .hidden = 8192, .heads = 64, .kv_heads = 8, .head_dim = 128,
		.ffn = 28672, .vocab = 128256,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 131072,
	},
	{
		.id = "llama-3.1-405b", .label = "Llama 3.1 405B",
		.source = "MaxText llama3.1-405b.yml @e591f30c, HF config.json (via ref-figures)",
		.layers = 126, .hidden = 16384, .heads = 128, .kv_heads = 8, .head_dim = 128,
		.ffn = 53248, .vocab = 128256,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 131072,
	},
	{
		/* tie_word_embeddings true; rope x32 */
		.id = "llama-3.2-3b", .label = "Llama 3.2 3B",
		.source = "HF meta-llama/Llama-3.2-3B config.json (via ref-figures); tied embeddings",
		.layers = 28, .hidden = 3072, .heads = 24, .kv_heads = 8, .head_dim = 128,
		.ffn = 8192, .vocab = 128256,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = true, .mlp = MLP_GATED,
		.max_context = 131072,
	},
	{
		/* v0.2 (rope theta 1e6, no sliding window, vocab 32000; v0.3
		 * has 32768).  max_position_embeddings 32768: HF
		 * mistralai/Mistral-7B-Instruct-v0.2 config.json as recalled;
		 * ref §D marks it [?]. */
		.id = "mistral-7b", .label = "Mistral 7B (v0.2)",
		.source = "MaxText mistral-7b.yml @e591f30c (via ref-figures); max context 32768 from "
		          "HF config as recalled, uncertain",
		.layers = 32, .hidden = 4096, .heads = 32, .kv_heads = 8, .head_dim = 128,
		.ffn = 14336, .vocab = 32000,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 32768,
	},
	{
		/* 8 experts, top-2; MaxText base_moe_mlp_dim 14336.  Router
		 * (8 x 4096 per layer, 1M in all) is not counted. */
		.id = "mixtral-8x7b", .label = "Mixtral 8x7B",
		.source = "MaxText mixtral-8x7b.yml @e591f30c (via ref-figures); max context 32768 from "
		          "HF config as recalled, uncertain",
		.layers = 32, .hidden = 4096, .heads = 32, .kv_heads = 8, .head_dim = 128,
		.ffn = 14336, .vocab = 32000,
		.experts = 8, .experts_active = 2,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 32768,
	},
	{
		.id = "mixtral-8x22b", .label = "Mixtral 8x22B",
		.source = "MaxText mixtral-8x22b.yml @e591f30c (via ref-figures); max context 65536 "
		          "from HF config as recalled, uncertain",
		.layers = 56, .hidden = 6144, .heads = 48, .kv_heads = 8, .head_dim = 128,
		.ffn = 16384, .vocab = 32768,
		.experts = 8, .experts_active = 2,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 65536,
	},
	{
		/* QKV bias: (3584 + 2 x 512) x 28 = 129k parameters, 0.002%:
		 * not modelled.  Untied.  32768 = instruct config.json; the model
		 * card gives 131072 with YaRN scaling. */
		.id = "qwen2.5-7b", .label = "Qwen2.5 7B",
		.source = "HF Qwen/Qwen2.5-7B-Instruct config.json (via ref-figures); QKV bias "
		          "negligible, not modelled",
		.layers = 28, .hidden = 3584, .heads = 28, .kv_heads = 4, .head_dim = 128,
		.ffn = 18944, .vocab = 152064,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 32768,
	},
	{
		/* 32768 = instruct config.json; base config says 131072 */
		.id = "qwen2.5-72b", .label = "Qwen2.5 72B",
		.source = "HF Qwen/Qwen2.5-72B-Instruct config.json (via ref-figures); QKV bias "
		          "negligible, not modelled",
		.layers = 80, .hidden = 8192, .heads = 64, .kv_heads = 8, .head_dim = 128,
		.ffn = 29568, .vocab = 152064,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 32768,
	},
	{
		/* DeepSeek-V3 (HF deepseek-ai/DeepSeek-V3 config.json via ref
		 * §D): 61 layers, first 3 dense (first_k_dense_replace 3,
		 * intermediate_size 18432), then 256 routed experts of 2048
		 * (moe_intermediate_size) + 1 shared, top-8; MLA with
		 * q_lora_rank 1536, kv_lora_rank 512, qk_rope_head_dim 64,
		 * qk_nope_head_dim 128, v_head_dim 128; vocab 129280, untied;
		 * max_position_embeddings 163840.  The multi-token-prediction
		 * module (14B; HF's 685B) is not modelled. */
		.id = "deepseek-v3", .label = "DeepSeek-V3 (MLA, MoE)",
		.source = "HF deepseek-ai/DeepSeek-V3 config.json (via ref-figures); MTP module not "
		          "modelled",
		.layers = 61, .hidden = 7168, .heads = 128, .kv_heads = 128, .head_dim = 128,
		.ffn = 2048, .vocab = 129280,
		.experts = 256, .experts_active = 8, .shared_experts = 1,
		.dense_layers = 3, .dense_ffn = 18432,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.mla_latent = 512, .mla_rope = 64, .q_lora = 1536, .v_head_dim = 128,
		.max_context = 163840,
	},
	{
		/* Phi-3-mini-4k-instruct: MHA, head 96, fused gate_up (gated) */
		.id = "phi-3-mini", .label = "Phi-3-mini (4k)",
		.source = "HF microsoft/Phi-3-mini-4k-instruct config.json (via ref-figures)",
		.layers = 32, .hidden = 3072, .heads = 32, .kv_heads = 32, .head_dim = 96,
		.ffn = 8192, .vocab = 32064,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = false, .mlp = MLP_GATED,
		.max_context = 4096,
	},
	{
		/* vocab 256000 (HF config; MaxText pads to 256128), tied, head
		 * 256, max_position_embeddings 8192 (Gemma configs in public
		 * code read 2026-11-26 show 256000/8192 [S]).  Every other layer
		 * is a 4096-token sliding window: not modelled, so the KV cache
		 * is overstated beyond 4096 tokens. */
		.id = "gemma-2-9b", .label = "Gemma 2 9B",
		.source = "HF google/gemma-2-9b config.json (via ref-figures); tied; sliding-window "
		          "layers not modelled (KV overstated > 4096 tok)",
		.layers = 42, .hidden = 3584, .heads = 16, .kv_heads = 8, .head_dim = 256,
		.ffn = 14336, .vocab = 256000,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = true, .mlp = MLP_GATED,
		.max_context = 8192,
	},
	{
		.id = "gemma-2-27b", .label = "Gemma 2 27B",
		.source = "HF google/gemma-2-27b config.json (via ref-figures); tied; sliding-window "
		          "layers not modelled (KV overstated > 4096 tok)",
		.layers = 46, .hidden = 4608, .heads = 32, .kv_heads = 16, .head_dim = 128,
		.ffn = 36864, .vocab = 256000,
		.experts = 1, .experts_active = 1,
		.tied_embeddings = true, .mlp = MLP_GATED,
		.max_context = 8192,
	},
};

static model_spec user_models[CATALOG_USER_MAX];

catalog_table catalog_models = {
	builtin_models, sizeof builtin_models / sizeof builtin_models[0],
	user_models, 0, sizeof(model_spec),
};
