/* Reference for Benchmarks/parse/run: libyaml's event parser over a file, nothing built.
 *
 *   cc -O2 libyaml_events.c -lyaml -o libyaml_events && ./libyaml_events FILE
 *
 * Prints the number of events; exits 1 with libyaml's message on a parse error. */
#include <stdio.h>
#include <yaml.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE\n", argv[0]);
    return 2;
  }
  FILE *file = fopen(argv[1], "rb");
  if (!file) {
    perror(argv[1]);
    return 66;
  }
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) {
    fputs("libyaml: cannot initialize\n", stderr);
    return 1;
  }
  yaml_parser_set_input_file(&parser, file);
  unsigned long events = 0;
  int done = 0;
  while (!done) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      fprintf(stderr, "%s:%lu:%lu: %s\n", argv[1], (unsigned long)parser.problem_mark.line + 1,
              (unsigned long)parser.problem_mark.column + 1,
              parser.problem ? parser.problem : "parse error");
      yaml_parser_delete(&parser);
      fclose(file);
      return 1;
    }
    done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    events++;
  }
  yaml_parser_delete(&parser);
  fclose(file);
  printf("%lu events\n", events);
  return 0;
}
