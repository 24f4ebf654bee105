/*
 * callgraph.c: orders the functions of a translation unit bottom-up over
 * the strongly connected components of the direct-call graph (Tarjan),
 * as Go's VisitFuncsBottomUp does: every callee is solved, and has its
 * summary, before its callers; mutually recursive functions form one
 * batch and are solved together, wired parameter to argument.
 *
 * Iterative, so a deep call chain cannot overflow the stack.
 */
#include <stdlib.h>

#include "ec.h"

struct frame {
	struct func *fn;
	int next_call;
};

void
callgraph_order(struct tu *tu)
{
	int n = tu->funcs.n, counter = 0;
	struct func **stack = xmalloc(sizeof *stack * (size_t)(n ? n : 1));
	struct frame *dfs = xmalloc(sizeof *dfs * (size_t)(n ? n : 1));
	int sp = 0, dp = 0;
	tu->batch_start = xmalloc(sizeof(int) * (size_t)(n + 1));
	tu->nbatches = 0;
	for (int i = 0; i < n; i++) {
		struct func *f = tu->funcs.v[i];
		f->dfsnum = -1;
		f->onstack = 0;
	}
	for (int i = 0; i < n; i++) {
		struct func *root = tu->funcs.v[i];
		if (root->dfsnum >= 0)
			continue;
		root->dfsnum = root->lowlink = counter++;
		stack[sp++] = root;
		root->onstack = 1;
		dfs[dp++] = (struct frame){root, 0};
		while (dp) {
			struct frame *fr = &dfs[dp - 1];
			struct func *f = fr->fn;
			if (fr->next_call < f->calls.n) {
				struct call *c = f->calls.v[fr->next_call++];
				struct func *g = c->callee;
				if (!g)
					continue;
				if (g->dfsnum < 0) {
					g->dfsnum = g->lowlink = counter++;
					stack[sp++] = g;
					g->onstack = 1;
					dfs[dp++] = (struct frame){g, 0};
				} else if (g->onstack && g->dfsnum < f->lowlink) {
					f->lowlink = g->dfsnum;
				}
				continue;
			}
			dp--;
			if (dp && f->lowlink < dfs[dp - 1].fn->lowlink)
				dfs[dp - 1].fn->lowlink = f->lowlink;
			if (f->lowlink == f->dfsnum) {
				tu->batch_start[tu->nbatches++] = tu->order.n;
				struct func *g;
				do {
					g = stack[--sp];
					g->onstack = 0;
					g->scc = tu->nbatches - 1;
					pv_push(&tu->order, g);
				} while (g != f);
			}
		}
	}
	tu->batch_start[tu->nbatches] = tu->order.n;
	free(stack);
	free(dfs);
}
