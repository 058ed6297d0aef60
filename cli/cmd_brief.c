/*
 * cmd_brief.c - the 'brief' verb. Not built yet: see the open issue.
 */
#include <stdio.h>

#include "cli.h"

int cmd_brief(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "parallax brief: not available in this build yet\n");
    return CLI_USAGE;
}
