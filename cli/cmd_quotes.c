/*
 * cmd_quotes.c - the 'quotes' verb. Not built yet: see the open issue.
 */
#include <stdio.h>

#include "cli.h"

int cmd_quotes(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "parallax quotes: not available in this build yet\n");
    return CLI_USAGE;
}
