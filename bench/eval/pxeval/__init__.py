"""The parallax scorers (bench/eval): quotes (PolNeAR), dates (TimeML),
stories (ECB+). Each module has a main() used by the eval-* commands."""
