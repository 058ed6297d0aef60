/*
 * cmd_add.c - the 'add' verb. Not built yet: see the open issue.
 */
#include <stdio.h>

#include "cli.h"

int cmd_add(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "parallax add: not available in this build yet\n");
    return CLI_USAGE;
}
