// The resolved config printed back as YAML: every key, defaults included, numbers in their
// shortest exact form so that reading the text back gives the same config.
#include <yaml-cpp/yaml.h>

#include <charconv>

#include "sim/scenario/loader.hpp"

namespace munisim {
namespace {

std::string exact(double value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

class Writer {
 public:
  explicit Writer(YAML::Emitter& out) : out_(out) {}

  void field(std::string_view key, int value, const schema::Field&) { entry(key) << value; }
  void field(std::string_view key, std::int64_t value, const schema::Field&) { entry(key) << value; }
  void field(std::string_view key, double value, const schema::Field&) { entry(key) << exact(value); }
  void field(std::string_view key, const std::string& value, const schema::Field&) {
    entry(key) << YAML::DoubleQuoted << value;
  }
  void field(std::string_view key, const Date& value, const schema::Field&) { entry(key) << value.to_string(); }
  void field(std::string_view key, const std::vector<double>& values, const schema::Field&) {
    entry(key) << YAML::Flow << YAML::BeginSeq;
    for (double value : values) out_ << exact(value);
    out_ << YAML::EndSeq;
  }
  template <class S>
  void object(std::string_view key, S& value, const schema::Field&) {
    entry(key);
    mapping(value);
  }
  template <class S>
  void list(std::string_view key, std::vector<S>& values, const schema::Field&) {
    entry(key);
    if (values.empty()) {
      out_ << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
      return;
    }
    out_ << YAML::BeginSeq;
    for (S& value : values) mapping(value);
    out_ << YAML::EndSeq;
  }

  template <class S>
  void mapping(S& value) {
    out_ << YAML::BeginMap;
    value.visit(*this);
    out_ << YAML::EndMap;
  }

 private:
  YAML::Emitter& entry(std::string_view key) { return out_ << YAML::Key << std::string(key) << YAML::Value; }
  YAML::Emitter& out_;
};

}  // namespace

std::string to_yaml(const ScenarioConfig& config) {
  YAML::Emitter out;
  Writer writer(out);
  ScenarioConfig copy = config;  // visit() takes a mutable struct; printing must not change the caller's
  writer.mapping(copy);
  return std::string(out.c_str()) + "\n";
}

}  // namespace munisim
