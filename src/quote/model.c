/*
 * model.c - the learned cue detector and span-boundary rankers (see
 * model.h).
 */
#include "model.h"

px__qm_trace_fn px__qm_trace = NULL;
void *px__qm_trace_user = NULL;
bool px__qm_disabled = false;
