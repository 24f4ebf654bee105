/* Exercise 3: greeting(name, buf, size) fills the caller's buffer. */
#include <stdio.h>
#include <string.h>

char *greeting(const char *name, char *buf, size_t size);
int print_greeting(const char *name);

int main(void)
{
    int fails = 0;
    char buf[64], small[8];
    if (greeting("Ann", buf, sizeof buf) != buf || strcmp(buf, "Hello, Ann!") != 0) {
        printf("greeting(\"Ann\", buf, 64) gave \"%s\", want \"Hello, Ann!\" in buf\n", buf);
        fails++;
    }
    if (greeting("Bob", small, sizeof small) != small || strcmp(small, "Hello, ") != 0) {
        printf("greeting(\"Bob\", small, 8) gave \"%s\", want \"Hello, \"\n", small);
        fails++;
    }
    if (print_greeting("Cy") < 0) {
        printf("print_greeting failed\n");
        fails++;
    }
    return fails != 0;
}
