/*
 * cmd_report.c - the 'report' verb. Not built yet: see the open issue.
 */
#include <stdio.h>

#include "cli.h"

int cmd_report(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "parallax report: not available in this build yet\n");
    return CLI_USAGE;
}
