/*
 * cmd_dates.c - the 'dates' verb. Not built yet: see the open issue.
 */
#include <stdio.h>

#include "cli.h"

int cmd_dates(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "parallax dates: not available in this build yet\n");
    return CLI_USAGE;
}
