/*
 * cmd_stories.c - the 'stories' verb. Not built yet: see the open issue.
 */
#include <stdio.h>

#include "cli.h"

int cmd_stories(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "parallax stories: not available in this build yet\n");
    return CLI_USAGE;
}
