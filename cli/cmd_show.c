/*
 * cmd_show.c - the 'show' verb. Not built yet: see the open issue.
 */
#include <stdio.h>

#include "cli.h"

int cmd_show(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "parallax show: not available in this build yet\n");
    return CLI_USAGE;
}
